package com.acme

object Config {
    const val APIFONICA_ACCOUNT_TOKEN = "b09a9353-9809-4650-b643-8bbe051e790b"
}
