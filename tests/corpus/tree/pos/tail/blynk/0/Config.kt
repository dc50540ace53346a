package com.acme

object Config {
    const val BLYNK_AUTH_TOKEN = "pPAOU0lHGE6F3Xvoq8Qucx5L2jAzq6zM"
}
