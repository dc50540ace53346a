# SPDX-License-Identifier: Apache-2.0
"""Netlify: GET https://api.netlify.com/api/v1/user, Authorization: Bearer <token>. API
document: https://open-api.netlify.com/#tag/user/operation/getCurrentUser (200 the user);
authentication and errors: https://docs.netlify.com/api/get-started/#authentication (401
for a bad token; 429 with rate-limit headers, https://docs.netlify.com/api/get-started/#rate-limiting)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from provlib import *  # noqa: E402,F401,F403

HOSTS = ["api.netlify.com"]
LIVE = {"nfp_" + tok("netlify-live", ALNUM, 36): {"email": "web@acme.example"}}
LIMITED = {"nfp_" + tok("netlify-limited", ALNUM, 36)}
handle = simple("GET", "/api/v1/user", bearer, LIVE, LIMITED,
                lambda w: {"id": "5f1b2c3d4e5f60718293a4b5", "email": w["email"], "full_name": "Acme Web"},
                401, {"code": 401, "message": "Access Denied: your token is invalid or has expired"},
                {"code": 429, "message": "Too Many Requests"})
