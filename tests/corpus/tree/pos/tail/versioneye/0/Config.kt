package com.acme

object Config {
    const val VERSIONEYE_API_KEY = "7d87429ced149ed46ae5"
}
