# copy 1
app.secret_key = os.urandom(32)
