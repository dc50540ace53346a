API_TOKEN = "none"
