val refreshToken = "secret-volume"
