SECRET_KEY = '$(cat /run/secrets/django)'
