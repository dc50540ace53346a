$apiKey = 'HS256';
