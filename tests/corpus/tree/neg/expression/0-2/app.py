# copy 2
api_token = os.environ["API_TOKEN"]
