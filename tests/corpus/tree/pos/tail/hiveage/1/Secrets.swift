enum Secrets {
    static let hiveageApiKey = "TtqMQIpc66L6Pk0pK4JV"
}
