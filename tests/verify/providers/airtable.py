# SPDX-License-Identifier: Apache-2.0
"""Airtable: GET https://api.airtable.com/v0/meta/whoami, Authorization: Bearer <token>.
API document: https://airtable.com/developers/web/api/get-user-id-scopes (200 {"id",
"scopes", "email"}); errors https://airtable.com/developers/web/api/errors (401
AUTHENTICATION_REQUIRED; 429 rate limited, retry after 30 seconds)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from provlib import *  # noqa: E402,F401,F403

HOSTS = ["api.airtable.com"]
LIVE = {"pat" + tok("airtable-live-a", ALNUM, 14) + "." + tok("airtable-live", HEX, 64): {"email": "ops@acme.example"}}
LIMITED = {"pat" + tok("airtable-lim-a", ALNUM, 14) + "." + tok("airtable-limited", HEX, 64)}
handle = simple("GET", "/v0/meta/whoami", bearer, LIVE, LIMITED,
                lambda w: {"id": "usrL2PNC5o3H4lBEi", "scopes": ["data.records:read", "schema.bases:read"],
                           "email": w["email"]},
                401, {"error": {"type": "AUTHENTICATION_REQUIRED", "message": "Authentication required"}},
                {"errors": [{"error": "RATE_LIMIT_REACHED"}]})
