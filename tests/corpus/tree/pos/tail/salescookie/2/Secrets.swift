enum Secrets {
    static let salescookieApiKey = "0999ca2e5cd895bb6c577484c5f917d5"
}
