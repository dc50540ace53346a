enum Secrets {
    static let partnerPassword = "N/+uzbwynYIpUR98h9N/o9EwNbhGJukRPpzwdayGdaKK"
}
