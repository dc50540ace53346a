SECRET_KEY = 'dummy'
