package com.acme

object Config {
    const val INTERSELLER_API_KEY = "c79b7b641771b12e14e28aebb04dc9be"
}
