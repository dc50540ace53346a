enum Secrets {
    static let stripeSecretKey = "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"
}
