enum Secrets {
    static let mavenlinkOauthToken = "d36f0a85f17c366d10a73cf1d7430ea0cf6f01b6532eb9c20834837aa278d297"
}
