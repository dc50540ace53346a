package com.acme

object Config {
    const val AZURESEARCHQUERY_ADMIN_KEY = "lqqxUWbqI8aEEQWJUHxnFmW7WMFhIiRQtRNqhtn5IRy8N6qfvRLa"
}
