accessToken = "oauth2-proxy"
