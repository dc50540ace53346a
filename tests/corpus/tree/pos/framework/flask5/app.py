from flask import Flask

app = Flask(__name__)
app.secret_key = b'cb5f8e8537a63cecad3e11d6711b0c2576e4db192bafc644d2537503bb7dab97'
