enum Secrets {
    static let apiSecret = "cc3bf52e18f3409b4c036b6413b00971ba7ce6a2fee015d027e958c3ec4eb665"
}
