$password = 'openid profile email';
