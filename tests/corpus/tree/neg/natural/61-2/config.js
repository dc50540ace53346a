const credentials = 'authenticity_token';
