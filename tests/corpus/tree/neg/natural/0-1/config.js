const client_secret = 'refresh_token';
