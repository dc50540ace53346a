enum Secrets {
    static let snykToken = "a2d50f1e-1420-4ded-b8cf-c4404033e55b"
}
