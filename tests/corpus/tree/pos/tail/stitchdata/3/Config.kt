package com.acme

object Config {
    const val STITCHDATA_IMPORT_API_TOKEN = "f2758f4cb061aad09c75a9d9da857325995949c7dd641a5965f81e579b6a9253"
}
