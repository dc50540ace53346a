package com.acme

object Config {
    const val SENTRYTOKEN_ORG_AUTH_TOKEN = "sntrys_VCPrArxa3CtYU+jNpsZCF18GEXeAUmhsxQJLcE4D3TXQvVSjTAXO2fB7PDxHTttB+N4ABCA+4CDjgQgC+xsbELjxLplvEyQknEIRhKAq8IRjKgQAavwFODQ/"
}
