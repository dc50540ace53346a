enum Secrets {
    static let apiPassword = "OINy%U:0cL@AhHVupD"
}
