import os

DEBUG = False
LD_API_KEY = "api-96074ebd-85e5-41a4-8848-b384059cfede"
TIMEOUT = 6
