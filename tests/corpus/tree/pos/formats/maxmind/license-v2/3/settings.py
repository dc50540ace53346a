import os

DEBUG = False
MAXMIND_LICENSE_KEY = "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"
TIMEOUT = 14
