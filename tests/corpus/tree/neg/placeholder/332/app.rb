API_TOKEN = 'put-your-token-here'
