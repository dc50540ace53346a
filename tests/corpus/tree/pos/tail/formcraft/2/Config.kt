package com.acme

object Config {
    const val FORMCRAFT_API_KEY = "QfzaQZ8Uii0WGKnZ"
}
