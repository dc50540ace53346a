refreshToken = 'client_credentials'
