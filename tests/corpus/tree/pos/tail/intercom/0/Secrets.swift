enum Secrets {
    static let intercomAccessToken = "dG9rOj29/2qFbbooCCtNi1sdooNhkPWa/2YGGGtLBXfb6BsAhgAT5Y1fN3UU"
}
