from flask import Flask

app = Flask(__name__)
app.secret_key = b'74ec83cfbdd351dd5cd4cbe99a3cd3b8719fb8c673fc18b09e3a754ebd6ddf16'
