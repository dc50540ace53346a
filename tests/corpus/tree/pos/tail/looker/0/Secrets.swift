enum Secrets {
    static let lookerClientSecret = "Y0phD9M11uCU0fWpKDW9d1nR"
}
