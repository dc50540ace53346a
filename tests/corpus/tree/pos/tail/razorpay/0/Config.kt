package com.acme

object Config {
    const val RAZORPAY_KEY_ID = "rzp_live_irvr5EERUbtmtT"
}
