package com.acme

object Config {
    const val LOKALISETOKEN_API_TOKEN = "6f45cb0c07d19756855cec19d4f4f82f49e23af2"
}
