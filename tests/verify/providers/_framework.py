# SPDX-License-Identifier: Apache-2.0
"""The framework's own test hosts (not a provider): answers that exercise the HTTPS client
and the verify engine: an identity, a redirect, a slow answer, rate limiting, a large body."""
import json
import threading
import time

HOSTS = ["api.keyhound-test.example", "other.keyhound-test.example"]

_lock = threading.Lock()
_limited = {}  # path -> times answered 429


def handle(method, path, headers, body):
    auth = headers.get("authorization", "")
    if path.startswith("/redirect"):
        return 302, {"Location": "https://other.keyhound-test.example/landing"}, b""
    if path.startswith("/slow"):
        time.sleep(3)
        return 200, {"Content-Type": "application/json"}, b"{}"
    if path.startswith("/ratelimit"):
        # answers 429 (Retry-After: 1) the first time for each path, then 200
        with _lock:
            n = _limited.get(path, 0)
            _limited[path] = n + 1
        if n == 0:
            return 429, {"Retry-After": "1", "Content-Type": "application/json"}, b'{"error":"slow down"}'
        return 200, {"Content-Type": "application/json"}, b'{"ok":true}'
    if path.startswith("/always429"):
        return 429, {"Retry-After": "30"}, b""
    if path.startswith("/big"):
        return 200, {"Content-Type": "text/plain"}, b"x" * (2 << 20)
    if path.startswith("/headers"):
        return 200, {"X-Many": "y" * 1000, "Content-Type": "text/plain"}, b"ok"
    if path.startswith("/basic"):
        # a key id and its secret, paired: only the id "kid_good..." with a live token works
        import base64
        try:
            user, _, pw = base64.b64decode(auth.split(" ", 1)[1]).decode().partition(":")
        except Exception:
            return 400, {}, b"bad auth"
        if user.startswith("kid_good") and "_live_" in pw:
            return 200, {"Content-Type": "application/json"}, json.dumps({"account": user[:8]}).encode()
        return 403, {"Content-Type": "application/json"}, b'{"error":"denied"}'
    if path.startswith("/slack"):
        # 200 for every answer, the verdict in the JSON body
        if auth == "Bearer tok_live_Q8fK2mZp7xR4vN1cabc":
            return 200, {"Content-Type": "application/json"}, b'{"ok":true,"user":"u1","team":"t1"}'
        return 200, {"Content-Type": "application/json"}, b'{"ok":false,"error":"invalid_auth"}'
    # /user: a token "tok_live..." is live, anything else invalid
    if auth.startswith("Bearer ") and auth[10:16] == "_live_":
        return 200, {"Content-Type": "application/json", "X-Scopes": "repo, read:org"}, \
            json.dumps({"login": "octo-test", "id": 7}).encode()
    if auth.startswith("Bearer tok_slow"):
        time.sleep(3)
    return 401, {"Content-Type": "application/json"}, b'{"message":"Bad credentials"}'
