package com.acme

object Config {
    const val FULCRUM_API_TOKEN = "09a14726ac5efd34fc04b558a0f6b11feb41e95d6517e82f04bdd5ce17c8f97798fb4f4168388159"
}
