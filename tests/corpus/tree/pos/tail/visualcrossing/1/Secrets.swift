enum Secrets {
    static let visualcrossingKey = "ZLZWGLD1S8QXOXKJQQQXPTBUF"
}
