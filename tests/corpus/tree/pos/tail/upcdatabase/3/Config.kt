package com.acme

object Config {
    const val UPCDATABASE_API_KEY = "2E7C226EA892C1DD1C949B385DB88C01"
}
