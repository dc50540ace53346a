enum Secrets {
    static let chatbotAccessToken = "5d94833a47f82632c9a3c7f7c2390009"
}
