import os

DEBUG = False
APOLLO_API_KEY = "UXzkd3Zw4UbfKesYt3RNaY"
TIMEOUT = 101
