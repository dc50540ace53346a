enum Secrets {
    static let lunchmoneyAccessToken = "fa83df494ce946bf429de5b0368e51ca0db0585a54b26e3c43"
}
