package com.acme

object Config {
    const val TELEGRAM_BOT_TOKEN = "2878069760:AAGV2IQC8iH0vo8Wgj8PACwAtyRsoWXfvxH"
}
