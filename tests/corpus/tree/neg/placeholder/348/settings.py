API_TOKEN = "example-token"
