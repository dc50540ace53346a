var client_secret = "read:org"
