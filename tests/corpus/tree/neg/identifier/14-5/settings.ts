// settings
token_url = "https://oauth2.googleapis.com/token"
