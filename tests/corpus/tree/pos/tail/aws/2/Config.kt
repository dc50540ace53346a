package com.acme

object Config {
    const val AWS_SESSION_KEY_ID = "ASIAWCS4A7Y5J3NLLPT4"
}
