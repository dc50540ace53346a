enum Secrets {
    static let currencyfreaksApiKey = "35e42813fad5444b0f60a7333a287632"
}
