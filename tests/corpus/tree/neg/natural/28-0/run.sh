TOKEN="PasswordAuthentication"
