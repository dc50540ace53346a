package com.acme

object Config {
    const val CLUSTDOC_API_TOKEN = "1AFOeZiPY3lOFbJZQM1ThBQsP4tAfZbUTdxCJWgcSb7RMkaN1cIMZbj5PRsB"
}
