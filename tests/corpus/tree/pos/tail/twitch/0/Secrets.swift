enum Secrets {
    static let twitchClientSecret = "sh4gykillsfd4buhlktvzvwp3ruid8"
}
