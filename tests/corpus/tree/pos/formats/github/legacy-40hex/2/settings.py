import os

DEBUG = False
GITHUB_TOKEN = "47e37e022ef9c5c0db53dbdd18ed99fa52c53eca"
TIMEOUT = 26
