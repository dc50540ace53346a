api_token = 'KeyGenerator.getInstance'
