# copy 2
app.secret_key = os.urandom(32)
