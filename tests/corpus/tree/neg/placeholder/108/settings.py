API_TOKEN = "xxxxxxxxxxxxxxxxxxxxxxxx"
