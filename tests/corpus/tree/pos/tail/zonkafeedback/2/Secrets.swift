enum Secrets {
    static let zonkafeedbackAuthToken = "8aUq7ouX6n9BJPQaJPxL"
}
