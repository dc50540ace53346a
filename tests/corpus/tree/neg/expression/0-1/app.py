# copy 1
api_token = os.environ["API_TOKEN"]
