package com.acme

object Config {
    const val TEFTER_API_TOKEN = "f81c217ec97b68c3557138199684895be272b044d314d173111ef062147b768e"
}
