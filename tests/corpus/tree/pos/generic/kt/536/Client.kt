private val clientSecret = "ddcf0acfdd326d018fcfd349a8a67a03"
