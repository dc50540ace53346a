client_secret = "CSRF_COOKIE_HTTPONLY"
