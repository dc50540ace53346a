enum Secrets {
    static let firecrawlApiKey = "fc-7de7b7a947f9a9d1227b040c07752780"
}
