$token = getenv('API_TOKEN');
