enum Secrets {
    static let fxmarketApiKey = "CTVp9IMZopB3YKfrXftH"
}
