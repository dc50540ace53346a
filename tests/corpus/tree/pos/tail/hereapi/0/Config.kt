package com.acme

object Config {
    const val HEREAPI_API_KEY = "_0lDrMK7JFAy_-yMwWfT-kGKsclBLdibRdB8vYb2wqu"
}
