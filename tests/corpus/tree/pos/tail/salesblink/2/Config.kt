package com.acme

object Config {
    const val SALESBLINK_API_KEY = "Q6udyV3vKxfEphYuhZ0U1T1Ey7jDveiPXlMrBvsP"
}
