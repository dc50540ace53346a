DATABASE_URL = "mongodb://svc:DCLXHC2t@LPZY2_@cache.internal:8761/app"
