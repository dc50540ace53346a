package com.acme

object Config {
    const val AUTOKLOSE_API_KEY = "PXFPcnPQDVPmznOzH4iZ9wOzq6oeU2b3"
}
