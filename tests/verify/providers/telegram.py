# SPDX-License-Identifier: Apache-2.0
"""Telegram: GET https://api.telegram.org/bot<token>/getMe (the token is part of the
path, as the Bot API requires). API document: https://core.telegram.org/bots/api#getme
(200 {"ok": true, "result": User}); https://core.telegram.org/bots/api#making-requests
(401 {"ok": false, "error_code": 401, "description": "Unauthorized"}; 429 with
parameters.retry_after)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from provlib import *  # noqa: E402,F401,F403

HOSTS = ["api.telegram.org"]
LIVE = {"72" + tok("tg-live-id", DIGITS, 8) + ":AA" + tok("tg-live", URLSAFE, 33): {"username": "acme_deploy_bot"}}
LIMITED = {"72" + tok("tg-lim-id", DIGITS, 8) + ":AA" + tok("tg-limited", URLSAFE, 33)}


def handle(method, path, headers, body):
    if method != "GET" or not path.startswith("/bot") or not path.endswith("/getMe"):
        return not_found()
    t = path[len("/bot"):-len("/getMe")]
    if t in LIVE:
        return answer(200, {"ok": True, "result": {"id": int(t.split(":")[0]), "is_bot": True,
                                                   "first_name": "Acme Deploy",
                                                   "username": LIVE[t]["username"], "can_join_groups": True}})
    if t in LIMITED:
        return limited({"ok": False, "error_code": 429, "description": "Too Many Requests: retry after 30",
                        "parameters": {"retry_after": 30}})
    return answer(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
