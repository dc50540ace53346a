API_TOKEN = 'none'
