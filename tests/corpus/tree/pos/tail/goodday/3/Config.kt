package com.acme

object Config {
    const val GOODDAY_API_TOKEN = "7a358ea27edd70495b5fb68641444b5f"
}
