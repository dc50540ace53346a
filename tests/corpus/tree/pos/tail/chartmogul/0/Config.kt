package com.acme

object Config {
    const val CHARTMOGUL_API_KEY = "2cb5fa94953deee374965606e13a25a2"
}
