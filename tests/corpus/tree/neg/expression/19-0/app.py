app.secret_key = os.urandom(32)
