enum Secrets {
    static let formioApiKey = "3rnV1n4UgUhR7DJQpPocroEOBR9uI3"
}
