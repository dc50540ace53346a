enum Secrets {
    static let unpluggApiKey = "e5717f6fb53a34530f5ffb6ec31b96da549d0ca149942e98661a0709f5c90711"
}
