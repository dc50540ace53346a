package com.acme

object Config {
    const val TRAVELPAYOUTS_TOKEN = "22c91c6d388ad4aa37b8609064888e95"
}
