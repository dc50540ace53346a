enum Secrets {
    static let cloverlyPrivateKey = "cpLJDxOyLUEEDAaCohll453rfuE42zsJNAD83Fk5"
}
