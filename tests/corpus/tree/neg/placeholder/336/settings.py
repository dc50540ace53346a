API_TOKEN = "dummy"
