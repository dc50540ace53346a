package com.acme

object Config {
    const val STORYBLOK_MANAGEMENT_TOKEN = "JoLQb4yOGU3gP9VBz46OFCtt"
}
