SECRET_KEY = 'django-insecure-dummy'
