api_token = "max_new_tokens"
