const refreshToken = 'django.contrib.sessions.backends.signed_cookies';
