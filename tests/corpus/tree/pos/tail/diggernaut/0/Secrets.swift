enum Secrets {
    static let diggernautApiKey = "207b89e9a78f0cde76aef58868c73aa02c955bd6"
}
