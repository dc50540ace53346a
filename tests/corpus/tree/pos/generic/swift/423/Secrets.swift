enum Secrets {
    static let upstreamKey = "&E0HDQKeoV#QtwEQfsC8"
}
