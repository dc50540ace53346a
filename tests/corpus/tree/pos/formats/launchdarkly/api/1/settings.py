import os

DEBUG = False
LD_API_KEY = "api-32450fa0-e741-48a9-aa98-517f7f67cbda"
TIMEOUT = 90
