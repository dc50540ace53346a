api_token = os.environ["API_TOKEN"]
