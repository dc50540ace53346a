API_TOKEN = 'dummy'
