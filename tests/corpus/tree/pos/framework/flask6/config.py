class ProdConfig:
    SECRET_KEY = "QAKjCdq4XW6qp27i2qNTCuNoux/EFfnK"
    SESSION_COOKIE_SECURE = True
