package com.acme

object Config {
    const val RUBYGEMS_API_KEY = "rubygems_946ab14d45dc8b652c8b0c861f8adfcd372e79b755408ad5"
}
