package com.acme

object Config {
    const val MINDMEISTER_PERSONAL_TOKEN = "zO3FLX9mzSd0FxmpdTpzWQRujE4dLY1vxsjqaeVp-i9"
}
