enum Secrets {
    static let confluentCloudApiSecret = "cflttbts2qUHsp3IjmMrnrKd7KaAL3WtkJgRyBVYR3NA2XzLdUXn8uCfMpXtMY7X"
}
