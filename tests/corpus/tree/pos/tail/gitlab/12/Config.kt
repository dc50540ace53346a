package com.acme

object Config {
    const val GITLAB_FEED_TOKEN = "glft-N7o6ArYGMdBXApZtjvr9"
}
