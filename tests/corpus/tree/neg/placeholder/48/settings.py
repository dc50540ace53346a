API_TOKEN = "<your-api-key>"
