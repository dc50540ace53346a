import os

DEBUG = False
NOTIFY_KEY = "8c9f41235265eced2ea5150efe1be8e57b0ceedb6dcc8aedc1deba43192f0977"
TIMEOUT = 64
