var apiToken = "%(api_token)s"
