API_TOKEN = "insert-token-here"
