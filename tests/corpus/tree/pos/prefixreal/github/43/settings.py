import os

DEBUG = False
GITHUB_TOKEN = "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"
TIMEOUT = 37
