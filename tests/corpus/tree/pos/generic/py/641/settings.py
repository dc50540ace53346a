import os

DEBUG = False
STORAGE_TOKEN = "n1nwt7Fj8pLiRSHhsN9juh4NtRt4xBUNzzeodSdrCV6"
TIMEOUT = 17
