package com.acme

object Config {
    const val MAGNETIC_API_TOKEN = "60203e35-d242-4c28-9d5a-4c609d407f3d"
}
