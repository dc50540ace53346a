SECRET_KEY = 'test'
