enum Secrets {
    static let axonautApiKey = "3dc6711c121125c738730ea8bf68211b"
}
