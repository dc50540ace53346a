accessToken = "RS256"
