API_TOKEN = "your-secret-key"
