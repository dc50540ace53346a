enum Secrets {
    static let lobTestApiKey = "test_bbd2415a7712bd0bc005e5f782f12c1a438"
}
