# SPDX-License-Identifier: Apache-2.0
"""CircleCI: GET https://circleci.com/api/v2/me, Circle-Token: <token>. API document:
https://circleci.com/docs/api/v2/index.html#operation/getCurrentUser (200 {"id", "login",
"name"}; 401 {"message": "You must log in first."}); 429 when rate limited
(https://circleci.com/docs/api-developers-guide/#rate-limits)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from provlib import *  # noqa: E402,F401,F403

HOSTS = ["circleci.com"]
LIVE = {"CCIPAT_" + tok("circle-live-a", ALNUM, 22) + "_" + tok("circle-live", HEX, 40): {"login": "acme-ci"}}
LIMITED = {"CCIPAT_" + tok("circle-lim-a", ALNUM, 22) + "_" + tok("circle-limited", HEX, 40)}
handle = simple("GET", "/api/v2/me", lambda h: hget(h, "Circle-Token"), LIVE, LIMITED,
                lambda w: {"id": "97a2f1c4-5e6d-4b8a-9c0d-1e2f3a4b5c6d", "login": w["login"], "name": "Acme CI"},
                401, {"message": "You must log in first."}, {"message": "Rate limit exceeded"})
