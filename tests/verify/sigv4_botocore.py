#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""SigV4 vectors made at test time by botocore (python3-botocore), for tests/unit/test_sign.c:
one JSON object per line with the request, the credentials and the Authorization header
botocore signs for them. Exit 77 when botocore is not installed. Fresh random credentials
each run, so the C signer is checked against botocore, not against remembered answers."""
import base64, json, os, random, string, sys

try:
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
except ImportError:
    sys.exit(77)


def rand(alphabet, n):
    return "".join(random.SystemRandom().choice(alphabet) for _ in range(n))


def case(method, host, path, query, headers, body, region, service, when, token=None):
    key_id = ("ASIA" if token else "AKIA") + rand(string.ascii_uppercase + "234567", 16)
    secret = base64.b64encode(os.urandom(30)).decode()
    url = "https://" + host + path + ("?" + query if query else "")
    req = AWSRequest(method=method, url=url, data=body.encode(), headers=dict(headers))
    # botocore takes the time from the clock; pin it as its own tests do
    import datetime
    import botocore.auth as ba
    fixed = datetime.datetime.fromtimestamp(when, datetime.timezone.utc).replace(tzinfo=None)

    class Clock(datetime.datetime):
        @classmethod
        def utcnow(cls):
            return fixed

        @classmethod
        def now(cls, tz=None):
            return fixed.replace(tzinfo=tz) if tz else fixed

    saved = ba.datetime.datetime
    ba.datetime.datetime = Clock
    try:
        SigV4Auth(Credentials(key_id, secret, token), service, region).add_auth(req)
    finally:
        ba.datetime.datetime = saved
    return {"method": method, "host": host, "path": path, "query": query,
            "headers": headers, "body": body, "region": region, "service": service,
            "when": when, "key_id": key_id, "secret": secret, "token": token,
            "amz_date": req.headers["X-Amz-Date"],
            "authorization": req.headers["Authorization"]}


def main():
    sts_ct = [["Content-Type", "application/x-www-form-urlencoded; charset=utf-8"]]
    body = "Action=GetCallerIdentity&Version=2011-06-15"
    now = 1764765000 + random.SystemRandom().randrange(86400 * 365)
    cases = [
        case("POST", "sts.amazonaws.com", "/", "", sts_ct, body, "us-east-1", "sts", now),
        case("POST", "sts.amazonaws.com", "/", "", sts_ct, body, "us-east-1", "sts", now,
             token=base64.b64encode(os.urandom(300)).decode()),
        case("GET", "example.amazonaws.com", "/", "Param2=value2&Param1=value1", [], "",
             "us-east-1", "service", now),
        case("GET", "iam.amazonaws.com", "/", "Version=2010-05-08&Action=ListUsers",
             [["My-Header1", "  value   with   spaces  "]], "", "us-east-1", "iam", 1440938160),
    ]
    for c in cases:
        print(json.dumps(c))


main()
