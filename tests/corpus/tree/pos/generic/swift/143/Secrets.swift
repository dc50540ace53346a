enum Secrets {
    static let internalAuthToken = "tWdjD_5nmURbZrEkFZY0gJ98j9YknAnzASxKAybZ"
}
