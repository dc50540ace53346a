enum Secrets {
    static let gitterToken = "e7a16baf47e12f2845d42412460869bd436093d3"
}
