enum Secrets {
    static let upstreamPassword = "UInLjzT3OO44KaL6PUfawcryJgCG7wJGBd"
}
