// settings
CLIENT_SECRET_PARAM = "client_secret"
