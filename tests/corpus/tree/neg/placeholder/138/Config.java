String apiToken = "%(api_token)s";
