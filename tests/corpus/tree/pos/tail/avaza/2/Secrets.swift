enum Secrets {
    static let avazaApiKey = "372878-238fbbfecb34ffdf506d2503a94441be5116e2a1"
}
