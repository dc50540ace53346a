# SPDX-License-Identifier: Apache-2.0
"""Settings of a small web app that should not have been committed like this."""
import os

DEBUG = False
# Reads the token from the environment: fine, and not a finding.
SENTRY_DSN = os.environ.get("SENTRY_DSN")

# Hard-coded credentials: each of these is a finding.
GITHUB_TOKEN = "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"
AWS_ACCESS_KEY_ID = "AKIAPVYQEBEMZUMLENMW"
AWS_SECRET_ACCESS_KEY = "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"
SLACK_BOT_TOKEN = "xoxb-535064043767-6775761784668-yu5BKaCKvsYFJGufE0w6HjwX"
STRIPE_API_KEY = "sk_live_mDMwmctuUHtirNLU09X0fmnR"

# Placeholders are not findings.
PAYPAL_SECRET = "${PAYPAL_SECRET}"
MAILGUN_KEY = "<your-mailgun-key>"
