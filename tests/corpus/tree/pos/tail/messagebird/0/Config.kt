package com.acme

object Config {
    const val MESSAGEBIRD_ACCESS_KEY = "prVqUb29WifhqhS9Vwb0Z9Di4"
}
