import os

DEBUG = False
PRIVACY_API_KEY = "0ef9eabf-c574-4379-a64c-af0ce44e0d30"
TIMEOUT = 68
