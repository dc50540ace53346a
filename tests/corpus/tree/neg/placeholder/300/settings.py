API_TOKEN = "null"
