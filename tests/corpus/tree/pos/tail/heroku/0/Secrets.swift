enum Secrets {
    static let herokuApiKey = "HRKU-AAhBFTwEuQ8xypiG6j0k3Z5bg7mYcj8BgHZTMXFaAyhEioEAvtrrI5Bmo9cv"
}
