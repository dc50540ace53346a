private val apiAuthToken = "0b3cb8313b9d9fe7d0465bb94b6ca5fa"
