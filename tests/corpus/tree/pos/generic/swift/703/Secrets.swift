enum Secrets {
    static let partnerPassword = "AozjkjaQuPReGEoPBpdhtyUQdjR"
}
