refreshToken = "refresh_token"
