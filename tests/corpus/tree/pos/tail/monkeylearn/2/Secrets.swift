enum Secrets {
    static let monkeylearnApiKey = "0452ba40eea825302c5075987f12358ca735e69a"
}
