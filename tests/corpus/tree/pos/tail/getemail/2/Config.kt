package com.acme

object Config {
    const val GETEMAIL_API_KEY = "b0a82291c1002fa016a1"
}
