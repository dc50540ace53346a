const apiToken = '%(api_token)s';
