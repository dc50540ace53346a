# SPDX-License-Identifier: Apache-2.0
"""Shopify: GET https://<shop>.myshopify.com/admin/oauth/access_scopes.json,
X-Shopify-Access-Token: <token>; the shop's host comes from the content and must end in
.myshopify.com. API document: https://shopify.dev/docs/api/admin-rest/latest/resources/accessscope
(200 {"access_scopes": [...]}); status codes: https://shopify.dev/docs/api/usage/response-codes
(401 "[API] Invalid API key or access token", 429 with Retry-After)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from provlib import *  # noqa: E402,F401,F403

HOSTS = ["*.myshopify.com"]
TEST_HOSTS = ["acme-store.myshopify.com"]
LIVE = {"shpat_" + tok("shopify-live", HEX, 32): {"scopes": ["read_products", "read_orders"]}}
LIMITED = {"shpat_" + tok("shopify-limited", HEX, 32)}


def handle(method, path, headers, body):
    if (method, path) != ("GET", "/admin/oauth/access_scopes.json"):
        return not_found()
    t = hget(headers, "X-Shopify-Access-Token")
    if t in LIVE:
        return answer(200, {"access_scopes": [{"handle": h} for h in LIVE[t]["scopes"]]})
    if t in LIMITED:
        return limited({"errors": "Exceeded 2 calls per second for api client. Reduce request rates to "
                                  "resume uninterrupted service."}, "2.0")
    return answer(401, {"errors": "[API] Invalid API key or access token (unrecognized login or wrong password)"})
