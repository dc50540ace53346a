package com.acme

object Config {
    const val GCP_API_KEY = "AIzamsXMcFM3mI0EPpp7xxN8yiEYo6LkhpHNkyo"
}
