import os

DEBUG = False
RAWG_API_KEY = "e691d0c13242af1272dfd45bcce9a558"
TIMEOUT = 24
