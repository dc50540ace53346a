import os

DEBUG = False
SONAR_TOKEN = "sqp_f5b75d6b2eda280aed5b68bef426dfd4516a7e1d"
TIMEOUT = 48
