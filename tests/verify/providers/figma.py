# SPDX-License-Identifier: Apache-2.0
"""Figma: GET https://api.figma.com/v1/me, X-Figma-Token: <token>. API document:
https://www.figma.com/developers/api#get-me-endpoint (200 {"id", "email", "handle"});
https://www.figma.com/developers/api#errors (403 "Invalid token"; 429 with Retry-After,
https://www.figma.com/developers/api#rate-limits)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from provlib import *  # noqa: E402,F401,F403

HOSTS = ["api.figma.com"]
LIVE = {"figd_" + tok("figma-live", URLSAFE, 40): {"email": "design@acme.example"}}
LIMITED = {"figd_" + tok("figma-limited", URLSAFE, 40)}
handle = simple("GET", "/v1/me", lambda h: hget(h, "X-Figma-Token"), LIVE, LIMITED,
                lambda w: {"id": "1234567890", "email": w["email"], "handle": "Acme Design", "img_url": ""},
                403, {"status": 403, "err": "Invalid token"}, {"status": 429, "err": "Rate limit exceeded"})
