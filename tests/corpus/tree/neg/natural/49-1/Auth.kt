val client_secret = "validateApiKeyFormat"
