enum Secrets {
    static let teletypeApiToken = "FWontqmL_PtbhHkbq2cmC-_KpJo8ONYyu9C2krgIxXkhc2kkZSJ74zCosClhjR3S"
}
