const apiKey = 'CSRF_COOKIE_HTTPONLY';
