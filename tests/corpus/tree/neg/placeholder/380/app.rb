API_TOKEN = 'secret'
