API_KEY = 'token_count'
