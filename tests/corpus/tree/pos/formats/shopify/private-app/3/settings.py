import os

DEBUG = False
SHOPIFY_PASSWORD = "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"
TIMEOUT = 54
