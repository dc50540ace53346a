package com.acme

object Config {
    const val NOTION_INTEGRATION_SECRET = "secret_kn9Y95kb2thLHwRiWNdih1goJR7cBzEk9WSixFSRRcu"
}
