class ProdConfig:
    SECRET_KEY = "+KloqkbATc5OuIo5s0ytoa/56rJZjTAK"
    SESSION_COOKIE_SECURE = True
