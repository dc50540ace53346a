package com.acme

object Config {
    const val DIGITALOCEAN_TOKEN = "dop_v1_1439415da17a47b91a9027241d0da3566ac06e23885b500b8aa1978b7a1f430b"
}
