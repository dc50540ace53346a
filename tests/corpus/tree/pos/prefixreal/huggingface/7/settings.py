import os

DEBUG = False
HUGGINGFACE_TOKEN = "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"
TIMEOUT = 35
