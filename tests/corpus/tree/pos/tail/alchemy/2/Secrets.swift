enum Secrets {
    static let alchemyApiKey = "eYWkvfBc9sD1QXNlqekAlw_3ynctzzig"
}
