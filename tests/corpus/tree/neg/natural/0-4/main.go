var API_KEY = "refresh_token"
