# SPDX-License-Identifier: Apache-2.0
"""Mailchimp: GET https://<dc>.api.mailchimp.com/3.0/ (the API root; <dc> is the key's
suffix, "us6" in ...-us6), Authorization: Basic base64(keyhound:<key>). API document:
https://mailchimp.com/developer/marketing/api/root/list-api-root-resources/ (account
details); errors: https://mailchimp.com/developer/marketing/docs/errors/ (401 "API Key
Invalid", 429 "Too Many Requests")."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from provlib import *  # noqa: E402,F401,F403

HOSTS = ["*.api.mailchimp.com"]
TEST_HOSTS = ["us6.api.mailchimp.com", "us21.api.mailchimp.com"]
LIVE = {tok("mc-live", HEX, 32) + "-us6": {"account": "Acme Newsletters"}}
LIMITED = {tok("mc-limited", HEX, 32) + "-us21"}


def handle(method, path, headers, body):
    if (method, path) != ("GET", "/3.0/"):
        return not_found()
    _, key = basic(headers)
    if key in LIVE:
        return answer(200, {"account_id": "8d3a3db4d97663a9074efcc16", "login_id": "40981543",
                            "account_name": LIVE[key]["account"], "email": "news@acme.example",
                            "role": "owner"})
    if key in LIMITED:
        return limited({"type": "https://mailchimp.com/developer/marketing/docs/errors/",
                        "title": "Too Many Requests", "status": 429,
                        "detail": "You have exceeded the limit of 10 simultaneous connections."})
    return answer(401, {"type": "https://mailchimp.com/developer/marketing/docs/errors/",
                        "title": "API Key Invalid", "status": 401,
                        "detail": "Your API key may be invalid, or you've attempted to access the wrong datacenter.",
                        "instance": "4bd4ab5e-7b5e-4a4e-9d0c-3f2e1b6a7c8d"})
