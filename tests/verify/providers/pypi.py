# SPDX-License-Identifier: Apache-2.0
"""PyPI has no read-only "who am I" call for upload tokens, so keyhound sends an upload
the index refuses before it stores anything: POST https://upload.pypi.org/legacy/,
Authorization: Basic base64(__token__:<token>), a multipart form with ":action"
file_upload, protocol_version 1 and no name, version or file. PyPI checks the token
first: an unknown token is 403 "Invalid or non-existent authentication information";
a valid one gets past authentication and the form is refused with 400 (nothing is
uploaded or created). API documents: https://docs.pypi.org/api/upload/ (the upload API
and its form) and https://docs.pypi.org/api/#authentication (API tokens as __token__)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from provlib import *  # noqa: E402,F401,F403

HOSTS = ["upload.pypi.org"]
LIVE = {"pypi-AgEIcHlwaS5vcmc" + tok("pypi-live", URLSAFE, 160): {}}
LIMITED = {"pypi-AgEIcHlwaS5vcmc" + tok("pypi-limited", URLSAFE, 160)}


def handle(method, path, headers, body):
    if (method, path) != ("POST", "/legacy/"):
        return not_found()
    user, t = basic(headers)
    if user == "__token__" and t in LIVE:
        if b'name=":action"' in (body or b"") and b"file_upload" in (body or b""):
            return text(400, "400 'name' is a required field. See https://packaging.python.org/specifications/core-metadata")
        return text(400, "400 Invalid value for 'action'")
    if user == "__token__" and t in LIMITED:
        return text(429, "429 Too many requests", {"Retry-After": "30"})
    return text(403, "403 Invalid or non-existent authentication information. See https://pypi.org/help/#invalid-auth for more information.")
