package com.acme

object Config {
    const val TWILIO_API_KEY_SID = "SK8d4332f4a3e896d20196689b92602f41"
}
