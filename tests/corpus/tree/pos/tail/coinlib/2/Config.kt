package com.acme

object Config {
    const val COINLIB_API_KEY = "656bd22bdffe9895"
}
