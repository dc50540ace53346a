package com.acme

object Config {
    const val DIFFBOT_TOKEN = "8d26847960f83392e2cf7980606711c2"
}
