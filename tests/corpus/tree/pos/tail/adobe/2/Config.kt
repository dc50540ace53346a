package com.acme

object Config {
    const val ADOBE_OAUTH_CLIENT_SECRET = "p8e-dapG3KnsEgXo7YECmQjLpy7U64VVlr-d"
}
