var apiKey = "user_password_hash"
