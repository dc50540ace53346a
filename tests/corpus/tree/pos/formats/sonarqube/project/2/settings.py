import os

DEBUG = False
SONAR_TOKEN = "sqp_a14e2c53d4c09de8f7fc872e7b55fa535ab724bb"
TIMEOUT = 72
