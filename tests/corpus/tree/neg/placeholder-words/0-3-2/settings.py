SECRET_KEY = 'dummy-secret-key'
