API_TOKEN = 'xxxxxxxxxxxxxxxxxxxxxxxx'
