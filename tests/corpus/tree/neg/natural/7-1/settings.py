client_secret = "django.contrib.sessions.backends.signed_cookies"
