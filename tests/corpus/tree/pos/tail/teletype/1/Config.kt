package com.acme

object Config {
    const val TELETYPE_API_TOKEN = "eAI2WOnCP_d0bBhBE-jjY2A_s4GZgs-OWaI1XthpAkploOA2TfdY2tDOclaSwy2w"
}
