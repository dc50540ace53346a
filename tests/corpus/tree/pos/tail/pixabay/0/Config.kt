package com.acme

object Config {
    const val PIXABAY_API_KEY = "49390873-e247d343fe79f8b74f5cce7df"
}
