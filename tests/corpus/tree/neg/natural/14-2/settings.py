passwordField = "AccessTokenExpiredException"
