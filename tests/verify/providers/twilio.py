# SPDX-License-Identifier: Apache-2.0
"""Twilio: GET https://api.twilio.com/2010-04-01/Accounts.json, Authorization: Basic
base64(<AccountSid or API key SID>:<auth token or API key secret>). API document:
https://www.twilio.com/docs/usage/api/account#read-multiple-account-resources (a read);
401 is error 20003 https://www.twilio.com/docs/errors/20003; 429 is error 20429
https://www.twilio.com/docs/errors/20429."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from provlib import *  # noqa: E402,F401,F403

HOSTS = ["api.twilio.com"]
SID = "SK" + tok("twilio-sid", HEX, 32)
LIVE = {(SID, tok("twilio-live", ALNUM, 32)): {"account": "AC" + tok("twilio-ac", HEX, 32)}}
LIMITED = {(SID, tok("twilio-limited", ALNUM, 32))}


def handle(method, path, headers, body):
    if (method, path) != ("GET", "/2010-04-01/Accounts.json"):
        return not_found()
    pair = basic(headers)
    if pair in LIVE:
        return answer(200, {"accounts": [{"sid": LIVE[pair]["account"], "friendly_name": "Acme production",
                                          "status": "active", "type": "Full"}],
                            "first_page_uri": "/2010-04-01/Accounts.json?PageSize=50&Page=0",
                            "page": 0, "page_size": 50})
    if pair in LIMITED:
        return limited({"code": 20429, "message": "Too Many Requests",
                        "more_info": "https://www.twilio.com/docs/errors/20429", "status": 429})
    return answer(401, {"code": 20003, "detail": "Your AccountSid or AuthToken was incorrect.",
                        "message": "Authenticate", "more_info": "https://www.twilio.com/docs/errors/20003",
                        "status": 401})
