package com.acme

object Config {
    const val KLIPFOLIO_API_KEY = "3ac4cc26715ee8597f7abf07d8a9fb6ab1a66c1f"
}
