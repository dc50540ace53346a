$secret_key = 'validateApiKeyFormat';
