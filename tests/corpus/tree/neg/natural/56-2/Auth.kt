val auth_token = "tokens_per_minute"
