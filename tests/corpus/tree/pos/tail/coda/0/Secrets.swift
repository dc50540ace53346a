enum Secrets {
    static let codaApiToken = "869d5cac-b9cc-47c3-83c1-1bd04e75449c"
}
