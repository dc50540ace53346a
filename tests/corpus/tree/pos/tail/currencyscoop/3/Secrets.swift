enum Secrets {
    static let currencyscoopApiKey = "169cac898ea43fd263fe17c51ce4e6d1"
}
