API_TOKEN = "secret"
