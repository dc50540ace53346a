$secret_key = 'authorization_code';
