API_TOKEN = "password"
