# SPDX-License-Identifier: Apache-2.0
"""Helpers shared by the fake providers in tests/verify/providers/ (each module exports
HOSTS and handle(method, path, headers, body) -> (status, headers, body)). Also the
test credentials: LIVE (credential -> who it belongs to), LIMITED (answered 429) and
any other well-formed credential is invalid. Credentials are made here from a seed, so
they have each rule's shape without being anyone's example."""
import base64, hashlib, json

ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
HEX = "0123456789abcdef"
URLSAFE = ALNUM + "-_"
LOWER = "abcdefghijklmnopqrstuvwxyz"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
DIGITS = "0123456789"


def tok(seed, alphabet, n):
    """n characters of alphabet, the same for the same seed"""
    out, block = [], b""
    i = 0
    while len(out) < n:
        block = hashlib.sha256(("%s/%d" % (seed, i)).encode()).digest()
        i += 1
        for b in block:
            if len(out) < n and b < 256 - 256 % len(alphabet):
                out.append(alphabet[b % len(alphabet)])
    return "".join(out)


def hget(headers, name):
    """a request header's value, whatever mapping the server hands over; None if absent"""
    items = headers.items() if hasattr(headers, "items") else headers
    for k, v in items:
        if k.lower() == name.lower():
            return v
    return None


def bearer(headers, scheme="Bearer"):
    v = hget(headers, "Authorization") or ""
    return v[len(scheme) + 1:] if v.startswith(scheme + " ") else None


def basic(headers):
    """(user, password) from Authorization: Basic, or (None, None)"""
    v = bearer(headers, "Basic")
    if v is None:
        return None, None
    try:
        user, _, pw = base64.b64decode(v, validate=True).decode().partition(":")
    except (ValueError, UnicodeDecodeError):
        return None, None
    return user, pw


def answer(status, obj, headers=None):
    h = {"Content-Type": "application/json"}
    h.update(headers or {})
    body = obj if isinstance(obj, bytes) else json.dumps(obj).encode()
    return status, h, body


def text(status, s, headers=None):
    h = {"Content-Type": "text/plain"}
    h.update(headers or {})
    return status, h, s.encode()


def not_found():
    return text(404, "no such endpoint on this fake provider\n")


def limited(obj, retry_after="30"):
    return answer(429, obj, {"Retry-After": retry_after})


def form(body):
    """application/x-www-form-urlencoded body -> dict of first values"""
    from urllib.parse import parse_qs
    if isinstance(body, bytes):
        body = body.decode("utf-8", "replace")
    return {k: v[0] for k, v in parse_qs(body or "", keep_blank_values=True).items()}


def simple(method, path, credential, live, invalid, live_body, invalid_status, invalid_body, limited_body,
           require=None):
    """handle() for a provider with one read-only call: credential(headers) picks the
    credential out of the request; require (name -> value) are headers the call needs"""
    def handle(m, p, headers, body):
        if (m, p) != (method, path):
            return not_found()
        for k, v in (require or {}).items():
            if hget(headers, k) != v:
                return answer(400, {"error": "missing or wrong header %s" % k})
        c = credential(headers)
        if c in live:
            return answer(200, live_body(live[c]) if callable(live_body) else live_body)
        if c in invalid:
            return limited(limited_body)
        return answer(invalid_status, invalid_body)
    return handle
