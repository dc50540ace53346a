enum Secrets {
    static let apiAuthToken = "WGlg3A1s5k30sNV16bty34aix949h0hay2wfrhtNEXGh4"
}
