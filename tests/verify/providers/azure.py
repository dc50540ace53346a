# SPDX-License-Identifier: Apache-2.0
"""Azure Storage account key: GET https://<account>.blob.core.windows.net/?restype=service&comp=properties
(Get Blob Service Properties, a read of the account's settings), x-ms-date, x-ms-version:
2021-08-06, Authorization: SharedKey <account>:<base64 HMAC-SHA256 of the string to sign
under the base64-decoded key>. The account's host comes from the connection string and
must end in .blob.core.windows.net. API documents:
https://learn.microsoft.com/en-us/rest/api/storageservices/get-blob-service-properties
(200 StorageServiceProperties XML) and
https://learn.microsoft.com/en-us/rest/api/storageservices/authorize-with-shared-key
(the string to sign; a wrong key is 403 AuthenticationFailed); throttling is 503
ServerBusy: https://learn.microsoft.com/en-us/rest/api/storageservices/blob-service-error-codes.
This fake recomputes the signature from the key it knows."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from provlib import *  # noqa: E402,F401,F403

import base64, hashlib, hmac  # noqa: E402
from urllib.parse import parse_qsl  # noqa: E402

HOSTS = ["*.blob.core.windows.net"]
TEST_HOSTS = ["acmeprod.blob.core.windows.net", "acmelimited.blob.core.windows.net"]
B64 = ALNUM + "+/"
KEYS = {"acmeprod": tok("azure-live", B64, 86) + "==", "acmelimited": tok("azure-limited", B64, 86) + "=="}
LIVE = {"acmeprod": KEYS["acmeprod"]}
LIMITED = {"acmelimited": KEYS["acmelimited"]}
STANDARD = ["Content-Encoding", "Content-Language", "Content-Length", "Content-MD5", "Content-Type", "Date",
            "If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since", "Range"]


def string_to_sign(method, path, headers, account):
    p, _, q = path.partition("?")
    lines = [method] + [("" if h == "Content-Length" and hget(headers, h) == "0" else hget(headers, h) or "")
                        for h in STANDARD]
    items = headers.items() if hasattr(headers, "items") else headers
    ms = sorted((k.lower(), " ".join(v.split())) for k, v in items if k.lower().startswith("x-ms-"))
    canon_headers = "".join("%s:%s\n" % kv for kv in ms)
    resource = "/%s%s" % (account, p) + "".join("\n%s:%s" % (k.lower(), v) for k, v in sorted(parse_qsl(q)))
    return "\n".join(lines) + "\n" + canon_headers + resource


def _error(status, code, message):
    xml = '<?xml version="1.0" encoding="utf-8"?><Error><Code>%s</Code><Message>%s</Message></Error>' % (code, message)
    return status, {"Content-Type": "application/xml", "x-ms-error-code": code}, xml.encode()


def handle(method, path, headers, body):
    host = (hget(headers, "Host") or "").split(":")[0]
    account = host.split(".")[0]
    if (method, path) != ("GET", "/?restype=service&comp=properties"):
        return not_found()
    auth = hget(headers, "Authorization") or ""
    if not auth.startswith("SharedKey ") or not hget(headers, "x-ms-date") or not hget(headers, "x-ms-version"):
        return _error(403, "AuthenticationFailed", "Server failed to authenticate the request.")
    name, _, sig = auth[len("SharedKey "):].partition(":")
    key = KEYS.get(account)
    want = key and base64.b64encode(hmac.new(base64.b64decode(key), string_to_sign(method, path, headers, account)
                                             .encode(), hashlib.sha256).digest()).decode()
    if name != account or not want or not hmac.compare_digest(want, sig):
        return _error(403, "AuthenticationFailed", "Server failed to authenticate the request. Make sure the "
                      "value of Authorization header is formed correctly including the signature.")
    if account in LIMITED:
        st, h, b = _error(503, "ServerBusy", "The server is busy.")
        h["Retry-After"] = "30"
        return st, h, b
    xml = ('<?xml version="1.0" encoding="utf-8"?><StorageServiceProperties><Logging><Version>1.0</Version>'
           '<Read>false</Read><Write>false</Write><Delete>false</Delete></Logging></StorageServiceProperties>')
    return 200, {"Content-Type": "application/xml"}, xml.encode()
