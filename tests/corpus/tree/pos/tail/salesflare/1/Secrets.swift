enum Secrets {
    static let salesflareApiKey = "XINBNTnq8-QwGq-wI9vFLwpEe3TsESoV7uYpBKq0IPWDU"
}
