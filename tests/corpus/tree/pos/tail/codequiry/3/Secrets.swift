enum Secrets {
    static let codequiryApiKey = "a0e5ca09fba1b5b3f53450ba254920120ef7e364ebb94c90014b12444ad967ce"
}
