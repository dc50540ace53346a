enum Secrets {
    static let knapsackproTestSuiteToken = "558d1602df60cb0d86e759f9b1a1b8ba"
}
