SECRET_KEY = '%(django_secret_key)s'
