val api_token = "HmacSHA256"
