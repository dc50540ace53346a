var SECRET_NAME = "Bearer"
