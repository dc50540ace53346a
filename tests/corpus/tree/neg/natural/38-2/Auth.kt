val secret_key = "HS256"
