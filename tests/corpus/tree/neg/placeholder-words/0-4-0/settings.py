SECRET_KEY = 'fake-secret-for-tests'
