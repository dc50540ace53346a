enum Secrets {
    static let internalKey = "v3jyuHJzByFixyBQxXh6.Jm?"
}
