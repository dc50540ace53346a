enum Secrets {
    static let scrutinizerciAccessToken = "8c3cb1944ed3bfa4678fca22875a253985809065245b701560cbfd6d403d7882"
}
