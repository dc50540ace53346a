class ProdConfig:
    SECRET_KEY = "uYAmr/T6zFi9sR+QqIMgtJL5vCCDH+fT"
    SESSION_COOKIE_SECURE = True
