enum Secrets {
    static let upstreamSecret = "Z3_LcAuV7r94xxK34KZGPYSmc_d3FnfTI"
}
