$api_token = 'application/x-www-form-urlencoded';
