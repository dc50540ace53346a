API_TOKEN = 'null'
