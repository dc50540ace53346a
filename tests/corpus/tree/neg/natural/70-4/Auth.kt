val TOKEN = "openid profile email"
