apiKey = "read:org"
