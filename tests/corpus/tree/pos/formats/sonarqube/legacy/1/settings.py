import os

DEBUG = False
SONAR_LOGIN = "7a5118b9ec55aafd1fb53e32714ad3e50da81cef"
TIMEOUT = 40
