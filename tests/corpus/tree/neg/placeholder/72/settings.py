API_TOKEN = "your_api_key_here"
