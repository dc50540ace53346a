api_token = "SecretKeySpec"
