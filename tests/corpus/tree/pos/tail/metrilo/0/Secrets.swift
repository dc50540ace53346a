enum Secrets {
    static let metriloApiToken = "bfb6c0783f6f7f2f"
}
