var accessToken = "/api/v2/oauth/token"
