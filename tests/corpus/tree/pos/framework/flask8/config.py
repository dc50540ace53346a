class ProdConfig:
    SECRET_KEY = "xpQdry4O0zCcYASbLLR1D2QsoKcsN01L"
    SESSION_COOKIE_SECURE = True
