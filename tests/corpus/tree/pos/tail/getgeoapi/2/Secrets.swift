enum Secrets {
    static let getgeoapiApiKey = "527f6811ef6bfa086d8083425a10b703f431f073"
}
