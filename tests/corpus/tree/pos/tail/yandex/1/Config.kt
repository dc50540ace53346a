package com.acme

object Config {
    const val YANDEX_API_KEY = "AQVNNfXcI7xkuFokwzMbgJF4xkjAtoDJEC2M9Loi"
}
