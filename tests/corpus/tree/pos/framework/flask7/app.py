from flask import Flask

app = Flask(__name__)
app.secret_key = b'53bdbe0e390a59b524cf02300f13a621dca79b0e7e77c15ff01d154db4d60649'
