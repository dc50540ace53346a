TOKEN = "PasswordAuthentication"
