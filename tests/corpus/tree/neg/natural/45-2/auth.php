$API_KEY = 'bcrypt';
