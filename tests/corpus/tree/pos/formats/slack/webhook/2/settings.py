import os

DEBUG = False
SLACK_WEBHOOK_URL = "https://hooks.slack.com/services/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"
TIMEOUT = 55
