package com.acme

object Config {
    const val CLOUDSIGHT_API_KEY = "G5fmF9MpUsutyOvDsXgAx3"
}
