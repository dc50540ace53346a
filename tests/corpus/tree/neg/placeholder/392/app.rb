API_TOKEN = 'password'
