secret = "X-Api-Key"
