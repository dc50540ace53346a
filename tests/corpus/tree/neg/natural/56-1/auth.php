$refreshToken = 'tokens_per_minute';
