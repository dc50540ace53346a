import os

DEBUG = False
HUGGINGFACE_TOKEN = "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"
TIMEOUT = 74
