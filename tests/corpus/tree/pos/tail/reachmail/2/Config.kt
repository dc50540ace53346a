package com.acme

object Config {
    const val REACHMAIL_API_TOKEN = "98a4d30a0ba98a114b704b3f4af1f54e"
}
