enum Secrets {
    static let upstreamAuthToken = "Dr4LO13Gg8JylkaNwCULjKZgC739i3zqBjhyJ5NDTLKU"
}
