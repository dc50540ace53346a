# SPDX-License-Identifier: Apache-2.0
"""DigitalOcean: GET https://api.digitalocean.com/v2/account, Authorization: Bearer <token>.
API document: https://docs.digitalocean.com/reference/api/digitalocean/#tag/Account/operation/account_get
(200 {"account": {...}}; 401 {"id": "Unauthorized", "message": "Unable to authenticate you"};
429 {"id": "too_many_requests"}, https://docs.digitalocean.com/reference/api/digitalocean/#section/Introduction/Rate-Limit)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from provlib import *  # noqa: E402,F401,F403

HOSTS = ["api.digitalocean.com"]
LIVE = {"dop_v1_" + tok("do-live", HEX, 64): {"email": "ops@acme.example"}}
LIMITED = {"dop_v1_" + tok("do-limited", HEX, 64)}


def handle(method, path, headers, body):
    if (method, path) != ("GET", "/v2/account"):
        return not_found()
    t = bearer(headers)
    if t in LIVE:
        return answer(200, {"account": {"droplet_limit": 25, "floating_ip_limit": 3, "email": LIVE[t]["email"],
                                        "name": "Acme Ops", "uuid": "b6fr89dbf6d9156cace5f3c78dc9851d957381ef",
                                        "email_verified": True, "status": "active", "status_message": ""}})
    if t in LIMITED:
        return limited({"id": "too_many_requests", "message": "API Rate limit exceeded."})
    return answer(401, {"id": "Unauthorized", "message": "Unable to authenticate you"})
