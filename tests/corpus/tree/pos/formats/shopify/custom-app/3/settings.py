import os

DEBUG = False
SHOPIFY_TOKEN = "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"
TIMEOUT = 67
