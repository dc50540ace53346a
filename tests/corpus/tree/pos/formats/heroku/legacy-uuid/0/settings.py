import os

DEBUG = False
HEROKU_API_KEY = "e48e75b1-5ce7-412d-9e30-de5e5bd0465b"
TIMEOUT = 13
