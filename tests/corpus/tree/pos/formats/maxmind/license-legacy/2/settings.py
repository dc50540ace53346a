import os

DEBUG = False
MAXMIND_LICENSE_KEY = "lejcdqcQzlw7SnIe"
TIMEOUT = 31
