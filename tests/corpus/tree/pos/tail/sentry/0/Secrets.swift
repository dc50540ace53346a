enum Secrets {
    static let sentryAuthToken = "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"
}
