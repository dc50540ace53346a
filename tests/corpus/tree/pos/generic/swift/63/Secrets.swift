enum Secrets {
    static let partnerSecret = "6060a23fe3b37c5ebb19d574813936be"
}
