enum Secrets {
    static let packagecloudApiToken = "a86bc69394cc42a5d121d24a76cd934b308720de8619136c"
}
