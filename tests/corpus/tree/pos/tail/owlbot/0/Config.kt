package com.acme

object Config {
    const val OWLBOT_TOKEN = "21790354ae3352550dfe09261bdef871f64a14cc"
}
