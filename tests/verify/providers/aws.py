# SPDX-License-Identifier: Apache-2.0
"""AWS: POST https://sts.amazonaws.com/ with the form body
Action=GetCallerIdentity&Version=2011-06-15, Content-Type application/x-www-form-urlencoded;
charset=utf-8, X-Amz-Date, Accept: application/json, and Authorization: AWS4-HMAC-SHA256
Credential=<key id>/<date>/us-east-1/sts/aws4_request, SignedHeaders=..., Signature=...
(SigV4, scanner/verify/sign_aws.c; X-Amz-Security-Token too for ASIA session keys).
GetCallerIdentity needs no permission and changes nothing. API document:
https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html (Account,
Arn, UserId); common errors https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html
(403 InvalidClientTokenId for an unknown key id, 403 SignatureDoesNotMatch for a wrong
secret, 400 Throttling "Rate exceeded"). This fake checks the signature the way AWS
does: it recomputes it from the secret it knows."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from provlib import *  # noqa: E402,F401,F403

import hashlib, hmac, json  # noqa: E402

HOSTS = ["sts.amazonaws.com"]
B64 = ALNUM + "+/"
LIVE = {"AKIA" + tok("aws-live-id", "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16): tok("aws-live-secret", B64, 40)}
LIMITED = {"AKIA" + tok("aws-lim-id", "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16): tok("aws-lim-secret", B64, 40)}
ACCOUNT = "123456789012"


def _hmac(key, msg):
    return hmac.new(key, msg.encode(), hashlib.sha256).digest()


def signature(secret, method, path, headers, body, signed, amz_date, region, service):
    """SigV4 as the AWS documentation describes it, independent of the C signer"""
    p, _, q = path.partition("?")
    query = "&".join(sorted(x if "=" in x else x + "=" for x in q.split("&") if x))
    canon = "".join("%s:%s\n" % (h, " ".join((hget(headers, h) or "").split())) for h in signed)
    creq = "\n".join([method, p, query, canon, ";".join(signed), hashlib.sha256(body or b"").hexdigest()])
    scope = "%s/%s/%s/aws4_request" % (amz_date[:8], region, service)
    sts = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(creq.encode()).hexdigest()])
    k = _hmac(("AWS4" + secret).encode(), amz_date[:8])
    for part in (region, service, "aws4_request"):
        k = _hmac(k, part)
    return hmac.new(k, sts.encode(), hashlib.sha256).hexdigest()


def _error(status, code, message, as_json):
    if as_json:
        return answer(status, {"Error": {"Code": code, "Message": message, "Type": "Sender"},
                               "RequestId": "c6104cbe-af31-11e0-8154-cbc7ccf896c7"})
    xml = ('<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>'
           '<Code>%s</Code><Message>%s</Message></Error><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7'
           '</RequestId></ErrorResponse>' % (code, message))
    return status, {"Content-Type": "text/xml"}, xml.encode()


def handle(method, path, headers, body):
    if (method, path) != ("POST", "/"):
        return not_found()
    as_json = "application/json" in (hget(headers, "Accept") or "")
    if form(body) != {"Action": "GetCallerIdentity", "Version": "2011-06-15"}:
        return _error(400, "InvalidAction", "Could not find operation", as_json)
    auth = hget(headers, "Authorization") or ""
    fields = dict(kv.strip().split("=", 1) for kv in auth[len("AWS4-HMAC-SHA256 "):].split(",") if "=" in kv) \
        if auth.startswith("AWS4-HMAC-SHA256 ") else {}
    cred = fields.get("Credential", "").split("/")
    if len(cred) != 5 or "Signature" not in fields or "SignedHeaders" not in fields:
        return _error(400, "IncompleteSignature", "Authorization header requires Credential, SignedHeaders and Signature", as_json)
    key_id, _, region, service, _ = cred
    secret = LIVE.get(key_id) or LIMITED.get(key_id)
    if secret is None:
        return _error(403, "InvalidClientTokenId", "The security token included in the request is invalid.", as_json)
    signed = fields["SignedHeaders"].split(";")
    want = signature(secret, method, path, headers, body, signed, hget(headers, "X-Amz-Date") or "",
                     region, service)
    if "host" not in signed or not hmac.compare_digest(want, fields["Signature"]):
        return _error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the "
                      "signature you provided. Check your AWS Secret Access Key and signing method.", as_json)
    if key_id in LIMITED:
        return _error(400, "Throttling", "Rate exceeded", as_json)
    arn = "arn:aws:iam::%s:user/ci-deploy" % ACCOUNT
    if as_json:
        return answer(200, {"GetCallerIdentityResponse": {"GetCallerIdentityResult": {
            "Account": ACCOUNT, "Arn": arn, "UserId": "AIDASAMPLEUSERID"},
            "ResponseMetadata": {"RequestId": "01234567-89ab-cdef-0123-456789abcdef"}}})
    xml = ('<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>'
           '<Arn>%s</Arn><UserId>AIDASAMPLEUSERID</UserId><Account>%s</Account></GetCallerIdentityResult>'
           '<ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>'
           '</GetCallerIdentityResponse>' % (arn, ACCOUNT))
    return 200, {"Content-Type": "text/xml"}, xml.encode()
