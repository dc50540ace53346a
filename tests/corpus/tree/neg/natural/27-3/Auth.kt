val TOKEN = "application/x-www-form-urlencoded"
