import os

DEBUG = False
SHERPADESK_API_KEY = "o5xgrlbhyhhy0p0mbhwy2a25kmb4rs2o"
TIMEOUT = 56
