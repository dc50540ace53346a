from flask import Flask

app = Flask(__name__)
app.secret_key = b'cccf1161d6eba9f44946097447e8e09bbd740bbc130f0ad3f576d8cdba3dcc9b'
