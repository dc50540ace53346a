enum Secrets {
    static let screenshotapiToken = "3GR2KF9-F44OUMF-05N6YPD-A9H3BNS"
}
