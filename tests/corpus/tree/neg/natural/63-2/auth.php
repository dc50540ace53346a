$api_token = 'x-csrf-token';
