enum Secrets {
    static let finicityAppKey = "3d9a1aa7e66b742b4e3280cbe0fa22fa"
}
