package com.acme

object Config {
    const val TIMEZONEAPI_TOKEN = "f3f44840b46b08a3df15"
}
