package com.acme

object Config {
    const val CRATES_IO_TOKEN = "cioGIT0yTQaNoPJEvLaiqJ03v1E4Fh1bm18"
}
