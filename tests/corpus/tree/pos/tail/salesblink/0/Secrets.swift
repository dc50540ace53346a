enum Secrets {
    static let salesblinkApiKey = "KXKjhhu7ZM9LGfVZVrSd059QzlSefHKiIFBuRuyw"
}
