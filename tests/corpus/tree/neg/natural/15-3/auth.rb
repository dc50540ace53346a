password = '/api/v2/oauth/token'
