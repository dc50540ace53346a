package com.acme

object Config {
    const val MODERATION_API_KEY = "a2581a63ac0ddb4e7f77355d0285f9d9"
}
