const API_KEY = 'AccessTokenExpiredException';
