import os

DEBUG = False
INGEST_SECRET = "aNvE?:fOR26==OH%y6k!L1w3JU^"
TIMEOUT = 110
