enum Secrets {
    static let renderApiKey = "rnd_munfdICgtj84S0kOoTFisPut9x0f57aK"
}
