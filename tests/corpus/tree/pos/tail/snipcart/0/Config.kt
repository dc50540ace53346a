package com.acme

object Config {
    const val SNIPCART_SECRET_API_KEY = "ST_NKeTqTvDpDJQqv52-5j-5PcDToaK4zxFcWkgkuEFTRUhZqvti1VNPJnxIjYIakMG8YvKeq0F4wCP"
}
