enum Secrets {
    static let apiKey = "KgXu7bdfO80u17PjoH1Cxe2oqOEDkz3omgcQ79t8"
}
