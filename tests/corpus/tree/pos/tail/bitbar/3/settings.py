import os

DEBUG = False
BITBAR_API_KEY = "gMSCe4uIBJdiuMpoOpPkWzhxMGO7uP1R"
TIMEOUT = 49
