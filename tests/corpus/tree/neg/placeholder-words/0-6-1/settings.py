SECRET_KEY = 'example-secret-key'
