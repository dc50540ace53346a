package com.acme

object Config {
    const val APILAYER_APIKEY = "EZV9zacDYabk3P1d6xL594BoDE3SuUgG"
}
