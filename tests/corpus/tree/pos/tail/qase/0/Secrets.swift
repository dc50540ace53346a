enum Secrets {
    static let qaseApiToken = "7eface6d7555890d43dfaa8884765006846c70c9"
}
