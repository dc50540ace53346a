package com.acme

object Config {
    const val FULLSTORY_V2_API_KEY = "eu1.ow7mlMSgekg2AzuWHaiz7yag1/ey/gsIv1a4Dt29nHxuVh2y2oTnXGIDDszGzCWjlp0gfdxZBBL2GWNZcf8DngFW"
}
