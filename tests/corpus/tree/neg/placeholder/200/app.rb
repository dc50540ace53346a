API_TOKEN = '********'
