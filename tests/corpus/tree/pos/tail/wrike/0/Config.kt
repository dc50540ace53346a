package com.acme

object Config {
    const val WRIKE_PERMANENT_TOKEN = "NWPsO4LAJwvUbFNglLFLJ0qBotxG7GIdlnvfixRi7u9W7vge67NEVrGHU5OAJgmLifoJQ0Fdma4VdtHJ62bqNGUdNFVe7OL2f2S3"
}
