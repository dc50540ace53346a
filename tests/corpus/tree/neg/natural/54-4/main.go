var apiKey = "max_new_tokens"
