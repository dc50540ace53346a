import os

DEBUG = False
NOTIFY_SECRET = "OAEwnrSt1crOXDikibChZfv94m2"
TIMEOUT = 117
