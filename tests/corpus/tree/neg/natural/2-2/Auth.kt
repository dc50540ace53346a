val refreshToken = "authorization_code"
