package com.acme

object Config {
    const val PLAID_ACCESS_TOKEN = "access-production-150e7054-21d5-4586-a004-2e690bdd9319"
}
