API_TOKEN = 'changeme'
