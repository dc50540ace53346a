enum Secrets {
    static let plaidSecret = "6784f91558e0a7c40cb2cb5539a059"
}
