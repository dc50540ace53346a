package com.acme

object Config {
    const val ZIPCODEAPI_API_KEY = "TEXL6PuQym2byEddfZ8hBYmTdJCimX6GAZOtBIIoHJqpJA9IpajQB0OZJtY7HlNx"
}
