enum Secrets {
    static let ritekitClientId = "a48549976cff16e0bb167a601abdb4a6e3ba7df4a973"
}
