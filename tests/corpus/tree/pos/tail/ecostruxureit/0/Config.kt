package com.acme

object Config {
    const val ECOSTRUXUREIT_API_KEY = "AK1VeWDbmeJkMwjmLmkFOYraoZHRlZ1vLxBx0Xuh68itYx65Vq"
}
