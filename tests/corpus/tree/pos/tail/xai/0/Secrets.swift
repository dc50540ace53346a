enum Secrets {
    static let xaiApiKey = "xai-oEHbDXM2lzWH18annFtwuuRiTMVV654KlCVF3aufJPIjEnnOkJxvL1eTtG4Hs5Pin8gA0fRnUNoiUrSk"
}
