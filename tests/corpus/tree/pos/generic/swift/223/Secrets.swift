enum Secrets {
    static let partnerAuthToken = "db0854467084ca08daa05ee9e04ee1d3"
}
