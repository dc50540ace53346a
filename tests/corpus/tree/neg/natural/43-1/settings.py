api_token = "pbkdf2_sha256"
