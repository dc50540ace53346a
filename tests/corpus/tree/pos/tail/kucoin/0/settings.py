import os

DEBUG = False
KUCOIN_API_KEY = "dc592dea200285cc4d2c0ceb"
TIMEOUT = 46
