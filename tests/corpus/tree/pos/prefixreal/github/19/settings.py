import os

DEBUG = False
GITHUB_TOKEN = "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"
TIMEOUT = 20
