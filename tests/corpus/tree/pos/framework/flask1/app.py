from flask import Flask

app = Flask(__name__)
app.secret_key = b'35242572a1c10eacb96e14a0527dd931eab259ced81ef6b22ede6db5f40fc6f9'
