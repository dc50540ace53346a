enum Secrets {
    static let upstreamSecret = "1623d20ad7e36bcbb544e4f3fd7c9ce3"
}
