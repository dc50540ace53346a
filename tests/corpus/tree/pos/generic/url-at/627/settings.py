DATABASE_URL = "mysql://svc:T0reBGwteP@uAQjYT@cache.internal:3638/app"
