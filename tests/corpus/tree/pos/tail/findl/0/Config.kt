package com.acme

object Config {
    const val FINDL_API_KEY = "5ca1c9c9-3ee1-4ca2-81fe-6f9907d0e5ea"
}
