import os

DEBUG = False
VAULT_TOKEN = "s.uNL5jxOTCtWPRM1gExTzdVuD"
TIMEOUT = 23
