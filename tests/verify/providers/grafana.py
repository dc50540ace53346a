# SPDX-License-Identifier: Apache-2.0
"""Grafana service account token: GET https://<stack>.grafana.net/api/access-control/user/permissions,
Authorization: Bearer <token>; the stack's host comes from the content and must end in
.grafana.net. API documents: https://grafana.com/docs/grafana-cloud/developer-resources/api-reference/http-api/authentication
(bearer service account tokens) and https://grafana.com/docs/grafana/latest/developers/http_api/access_control/
(the signed-in identity's permissions, a read); 401 {"message": "Invalid API key"}; 429."""
import binascii, os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from provlib import *  # noqa: E402,F401,F403


def glsa(seed):
    """a service account token with Grafana's checksum: CRC-32 of "glsa_<secret>", 4 bytes
    least significant first, in hex (satokengen); keyhound drops one whose checksum fails"""
    key = "glsa_" + tok(seed, ALNUM, 32)
    return key + "_" + (binascii.crc32(key.encode()) & 0xffffffff).to_bytes(4, "little").hex()


HOSTS = ["*.grafana.net"]
TEST_HOSTS = ["acme.grafana.net"]
LIVE = {glsa("grafana-live"):
        {"permissions": {"dashboards:read": ["dashboards:*"]}}}
LIMITED = {glsa("grafana-limited")}


def handle(method, path, headers, body):
    if (method, path) != ("GET", "/api/access-control/user/permissions"):
        return not_found()
    t = bearer(headers)
    if t in LIVE:
        return answer(200, LIVE[t]["permissions"])
    if t in LIMITED:
        return limited({"message": "Too many requests"})
    return answer(401, {"message": "Invalid API key", "traceID": ""})
