$client_secret = 'api-key-header';
