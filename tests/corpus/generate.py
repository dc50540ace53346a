#!/usr/bin/env python3
"""Write keyhound's labelled corpus: tests/corpus/tree/ (the files) and manifest.jsonl (labels).

Deterministic: every entry draws from its own random stream seeded by SEED and the entry's id,
so adding an entry never changes another. Python 3 standard library only.

  python3 tests/corpus/generate.py            rewrite tree/ and manifest.jsonl
  python3 tests/corpus/generate.py --check    exit 1 if the committed files differ from the output
"""
import base64
import binascii
import hashlib
import json
import os
import random
import re
import shutil
import string
import struct
import urllib.parse
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import formats  # noqa: E402
import longtail2  # noqa: E402
import credfiles2  # noqa: E402

SEED = "keyhound-corpus-2026-12"

CHARSETS = {
    "hex": "0123456789abcdef",
    "HEX": "0123456789ABCDEF",
    "an": string.ascii_letters + string.digits,
    "al": string.ascii_lowercase + string.digits,
    "AU": string.ascii_uppercase + string.digits,
    "b64": string.ascii_letters + string.digits + "+/",
    "b64u": string.ascii_letters + string.digits + "-_",
    "dig": string.digits,
    "low": string.ascii_lowercase,
    "up": string.ascii_uppercase,
    "let": string.ascii_letters,
    "b32": "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",
    "b32l": "abcdefghijklmnopqrstuvwxyz234567",
    "BECH": "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L",
    "b58": "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz",
    "crypt": "./" + string.digits + string.ascii_uppercase + string.ascii_lowercase,
    "django": "abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)",
    "pw": string.ascii_letters + string.digits + "!#%&*+-.:=?@^_~",
}
B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase

WORDS = ("test", "demo", "fake", "sample", "dummy", "example", "xxxx", "todo", "changeme", "password",
         "secret", "token", "placeholder", "1234", "abcd", "qwerty", "insecure", "key", "default", "admin")


class R(random.Random):
    """A random stream for one entry."""

    def __init__(self, key):
        super().__init__(hashlib.sha256((SEED + ":" + key).encode()).digest())

    def s(self, cs, n):
        chars = CHARSETS[cs]
        for _ in range(200):
            v = "".join(self.choice(chars) for _ in range(n))
            if n < 8 or not looks_patterned(v):
                return v
        return v

    def uuid(self):
        h = "".join(self.choice("0123456789abcdef") for _ in range(32))
        h = h[:12] + "4" + h[13:16] + self.choice("89ab") + h[17:]
        return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])

    def b64bytes(self, n, alphabet="std"):
        raw = bytes(self.getrandbits(8) for _ in range(n))
        return base64.urlsafe_b64encode(raw).decode() if alphabet == "url" else base64.b64encode(raw).decode()

    def raw(self, n):
        return bytes(self.getrandbits(8) for _ in range(n))


def looks_patterned(v):
    """A random body that happens to look like a placeholder is drawn again, so that every
    positive is unambiguous: no dictionary word of the placeholder kind, no run of 4 equal or
    consecutive characters."""
    low = v.lower()
    for w in WORDS:
        if w in low:
            return True
    run_eq = run_seq = 1
    for a, b in zip(v, v[1:]):
        run_eq = run_eq + 1 if a == b else 1
        run_seq = run_seq + 1 if ord(b) - ord(a) in (1, -1) else 1
        if run_eq >= 4 or run_seq >= 4:
            return True
    return False


def b62(n, width):
    out = ""
    while n:
        n, d = divmod(n, 62)
        out = B62[d] + out
    return out.rjust(width, "0")


def crc62(body):
    """GitHub's and npm's checksum: CRC-32 of the random part as 6 base62 digits."""
    return body + b62(binascii.crc32(body.encode()) & 0xffffffff, 6)


def b64u_nopad(raw):
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def make_jwt(r, claims=None):
    header = {"alg": r.choice(["HS256", "RS256", "HS512"]), "typ": "JWT"}
    if claims is None:
        claims = {"sub": r.s("an", 12), "iat": 1700000000 + r.randrange(10 ** 7), "jti": r.uuid(),
                  "scope": r.choice(["api", "read write", "full_access", "ingest"])}
    sig = r.raw(32 if header["alg"] != "RS256" else 256)
    return ".".join([b64u_nopad(json.dumps(header, separators=(",", ":")).encode()),
                     b64u_nopad(json.dumps(claims, separators=(",", ":")).encode()), b64u_nopad(sig)])


def discord_bot(r):
    uid = str(r.randrange(10 ** 17, 10 ** 18 * 2))
    return b64u_nopad(uid.encode()) + "." + r.s("b64u", 6) + "." + r.s("b64u", 38)


def sentry_org(r):
    """Sentry's organization tokens (orgauthtoken_token.py): standard base64 of a JSON payload
    (iat, url, region_url, org), "_", 43 characters of standard base64 (32 random bytes, padding
    stripped). Made from the 120 base64 characters the template drew before it was written,
    so that every later entry stays as it was."""
    raw = r.s("b64", 120)
    org = "".join(c for c in raw[43:] if c.islower())[:8] or "acme"
    iat = 1700000000 + sum(ord(c) * 7919 ** i for i, c in enumerate(raw[51:57])) % 10 ** 7
    payload = {"iat": iat + (sum(map(ord, raw[57:63])) % 10 ** 6) / 10 ** 6, "url": "https://sentry.io",
               "region_url": "https://us.sentry.io", "org": org}
    return base64.b64encode(json.dumps(payload).encode()).decode() + "_" + raw[:43]


def bech32(hrp, data):
    """BIP-173 Bech32 of 8-bit data: hrp, "1", the 5-bit groups, a 6-character checksum."""
    cs = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
    acc = bits = 0
    five = []
    for b in data:
        acc, bits = (acc << 8) | b, bits + 8
        while bits >= 5:
            bits -= 5
            five.append((acc >> bits) & 31)
    if bits:
        five.append((acc << (5 - bits)) & 31)
    values = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp] + five + [0] * 6
    chk = 1
    for v in values:
        top, chk = chk >> 25, (chk & 0x1ffffff) << 5 ^ v
        for i, g in enumerate((0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3)):
            chk ^= g if (top >> i) & 1 else 0
    chk ^= 1
    return hrp + "1" + "".join(cs[v] for v in five) + "".join(cs[(chk >> 5 * (5 - i)) & 31] for i in range(6))


def age_identity(r):
    """age's X25519 identity (age's x25519.go): upper-case Bech32 of a 32-byte key under
    "AGE-SECRET-KEY-", with a valid checksum. The key is made from the 58 characters the
    template drew before it was written, so that every later entry stays as it was."""
    key = hashlib.sha256(r.s("BECH", 58).encode()).digest()
    return bech32("age-secret-key-", key).upper()


def fill(template, r):
    out, i = [], 0
    while i < len(template):
        c = template[i]
        if c != "{":
            out.append(c)
            i += 1
            continue
        j = template.index("}", i)
        field = template[i + 1:j]
        i = j + 1
        if field == "uuid":
            out.append(r.uuid())
        elif field == "UUID":
            out.append(r.uuid().upper())
        elif field == "JWT":
            out.append(make_jwt(r))
        elif field == "DISCORDBOT":
            out.append(discord_bot(r))
        elif field == "SENTRYORG":
            out.append(sentry_org(r))
        elif field == "AGEKEY":
            out.append(age_identity(r))
        else:
            cs, n = field.split(":")
            n = int(n)
            if cs == "crc62":
                out.append(crc62(r.s("an", n)))
            elif cs == "glcrc":
                # Grafana's service-account tokens: the secret, "_", then CRC-32 (IEEE) of
                # everything before it as 4 little-endian bytes in hex (satokengen). The 8
                # random hex digits drawn before the checksum was computed are still drawn,
                # so that every later entry stays as it was.
                body = r.s("an", n)
                r.s("hex", 8)
                crc = binascii.crc32(("".join(out) + body).encode()) & 0xffffffff
                out.append(body + "_" + crc.to_bytes(4, "little").hex())
            elif cs == "b64bytes":
                out.append(r.b64bytes(n))
            else:
                out.append(r.s(cs, n))
    return "".join(out)


def url_secret(value):
    """The password of a URL with credentials (what a finding reports), and the URL as an
    accepted spelling; other values unchanged."""
    m = re.match(r"^[a-z][a-z0-9+.-]*://[^:/@\s]*:([^@\s]+)@", value)
    if m:
        return m.group(1), [value]
    return value, []


def split_of(entry_id):
    """The fixed half of an entry: tuning or held-out (naturalness vs entropy comparison)."""
    return "tuning" if hashlib.sha256(entry_id.encode()).digest()[0] % 2 == 0 else "heldout"


# --------------------------------------------------------------------------------------------
class Corpus:
    def __init__(self):
        self.files = {}      # path -> str (text) or bytes
        self.entries = []
        self.ids = set()

    def add(self, path, text, entries):
        """entries: dicts with 'id' and either 'secret' (positive) or 'value' (negative);
        'needle' overrides what is searched to compute the line."""
        assert path not in self.files, path
        self.files[path] = text
        src = text if isinstance(text, str) else text.decode("utf-8", "replace")
        for e in entries:
            assert e["id"] not in self.ids, e["id"]
            self.ids.add(e["id"])
            needle = e.pop("needle", None) or e.get("secret") or e.get("value")
            pos = src.find(needle)
            if pos < 0:
                raise SystemExit("generate.py: %s: %r is not in %s" % (e["id"], needle[:40], path))
            e["line"] = src.count("\n", 0, pos) + 1
            e["path"] = path
            e["split"] = split_of(e["id"])
            self.entries.append(e)

    def add_bytes(self, path, data, entries, text_view):
        """A file written as bytes (UTF-16 ...); lines are computed on its text."""
        self.add(path, text_view, entries)
        self.files[path] = data


def pos(id, cls, provider, secret, ref, **kw):
    e = {"id": id, "kind": "positive", "class": cls, "provider": provider, "secret": secret, "ref": ref}
    e.update(kw)
    return e


def neg(id, cls, against, provider, value, ref, **kw):
    e = {"id": id, "kind": "negative", "class": cls, "against": against, "provider": provider,
         "value": value, "ref": ref}
    e.update(kw)
    return e


# --------------------------------------------------------------------------------------------
# Contexts: how a value sits in a file of one language. Each returns (file name, text).
def camel(name):
    parts = [p for p in name.lower().replace("-", "_").replace(".", "_").split("_") if p]
    return parts[0] + "".join(p.title() for p in parts[1:])


def pascal(name):
    c = camel(name)
    return c[:1].upper() + c[1:]


def ident(provider):
    return "".join(ch if ch.isalnum() else "_" for ch in provider).upper()


CONTEXTS = [
    ("env", lambda P, v, r: (".env", "# %s\nNODE_ENV=production\n%s=%s\nLOG_LEVEL=info\n" % (r.choice(["service credentials", "prod", "do not commit", "runtime config"]), P, v))),
    ("py", lambda P, v, r: ("settings.py", "import os\n\nDEBUG = False\n%s = \"%s\"\nTIMEOUT = %d\n" % (P, v, r.randrange(5, 120)))),
    ("js", lambda P, v, r: ("config.js", "module.exports = {\n  region: '%s',\n  %s: '%s',\n};\n" % (r.choice(["eu-west-1", "us-east-1", "ap-south-1"]), camel(P), v))),
    ("ts", lambda P, v, r: ("client.ts", "import { Client } from './client';\n\nconst %s = \"%s\";\nexport const client = new Client({ key: %s });\n" % (camel(P), v, camel(P)))),
    ("yaml", lambda P, v, r: ("config.yml", "service:\n  name: %s\n  %s: %s\n  retries: 3\n" % (r.choice(["worker", "api", "ingest"]), P.lower(), v))),
    ("json", lambda P, v, r: ("config.json", json.dumps({"name": r.choice(["billing", "notifier", "crawler"]), P.lower(): v, "enabled": True}, indent=2) + "\n")),
    ("go", lambda P, v, r: ("main.go", "package main\n\nimport \"os\"\n\nconst %s = \"%s\"\n\nfunc main() { _ = os.Args }\n" % (camel(P), v))),
    ("java", lambda P, v, r: ("Config.java", "package com.acme.integration;\n\npublic final class Config {\n    public static final String %s = \"%s\";\n}\n" % (P, v))),
    ("sh", lambda P, v, r: ("deploy.sh", "#!/bin/sh\nset -eu\nexport %s=\"%s\"\n./bin/release --env prod\n" % (P, v))),
    ("docker", lambda P, v, r: ("Dockerfile", "FROM debian:12-slim\nENV %s=%s\nCOPY app /app\nCMD [\"/app/run\"]\n" % (P, v))),
    ("tf", lambda P, v, r: ("terraform.tfvars", "region = \"eu-central-1\"\n%s = \"%s\"\n" % (P.lower(), v))),
    ("properties", lambda P, v, r: ("application.properties", "server.port=8080\n%s=%s\n" % (P.lower().replace("_", "."), v))),
    ("toml", lambda P, v, r: ("config.toml", "[integration]\nenabled = true\n%s = \"%s\"\n" % (P.lower(), v))),
    ("rb", lambda P, v, r: ("initializer.rb", "Rails.application.configure do\n  config.x.%s = \"%s\"\nend\n" % (P.lower(), v))),
    ("php", lambda P, v, r: ("config.php", "<?php\nreturn [\n    '%s' => '%s',\n];\n" % (P.lower(), v))),
    ("cs", lambda P, v, r: ("Settings.cs", "namespace Acme.Integration\n{\n    public static class Settings\n    {\n        public const string %s = \"%s\";\n    }\n}\n" % (pascal(P), v))),
    ("kt", lambda P, v, r: ("Config.kt", "package com.acme\n\nobject Config {\n    const val %s = \"%s\"\n}\n" % (P, v))),
    ("rs", lambda P, v, r: ("config.rs", "pub const %s: &str = \"%s\";\n" % (P, v))),
    ("md", lambda P, v, r: ("NOTES.md", "# Integration notes\n\nThe staging job uses:\n\n```\n%s=%s\n```\n" % (P, v))),
    ("ini", lambda P, v, r: ("settings.ini", "[default]\ntimeout = 30\n%s = %s\n" % (P.lower(), v))),
    ("xml", lambda P, v, r: ("appsettings.xml", "<?xml version=\"1.0\"?>\n<configuration>\n  <add key=\"%s\" value=\"%s\" />\n</configuration>\n" % (pascal(P), v))),
    ("gha", lambda P, v, r: ("ci.yml", "name: nightly\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    env:\n      %s: %s\n    steps:\n      - run: make\n" % (P, v))),
    ("compose", lambda P, v, r: ("docker-compose.yml", "services:\n  app:\n    image: acme/app:1.4\n    environment:\n      - %s=%s\n" % (P, v))),
    ("swift", lambda P, v, r: ("Secrets.swift", "enum Secrets {\n    static let %s = \"%s\"\n}\n" % (camel(P), v))),
    ("curl", lambda P, v, r: ("request.txt", "curl -s https://api.%s.com/v1/me \\\n  -H \"Authorization: Bearer %s\"\n" % (P.split("_")[0].lower(), v))),
]
CONTEXT_BY_NAME = dict((n, f) for n, f in CONTEXTS)


# --------------------------------------------------------------------------------------------
def ec_pem(r):
    der = b"\x30\x77\x02\x01\x01\x04\x20" + r.raw(32) + b"\xa0\x0a\x06\x08\x2a\x86\x48\xce\x3d\x03\x01\x07\xa1\x44\x03\x42\x00\x04" + r.raw(64)
    b = base64.b64encode(der).decode()
    return "-----BEGIN EC PRIVATE KEY-----\n%s\n-----END EC PRIVATE KEY-----\n" % "\n".join(b[i:i + 64] for i in range(0, len(b), 64)), b[:64]


def pgp_block(r):
    b = base64.b64encode(b"\x95\x03\xc6\x04" + r.raw(900)).decode()
    body = "\n".join(b[i:i + 64] for i in range(0, len(b), 64))
    crc = base64.b64encode(r.raw(3)).decode()
    return "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n%s\n=%s\n-----END PGP PRIVATE KEY BLOCK-----\n" % (body, crc), b[64:128]


def gen_keys_and_misc(c):
    """Class 9 shapes that are files or commands rather than tokens: private keys, JWTs, basic
    auth, PowerShell secure strings, PsExec, PHPMailer, Snowflake, React build variables."""
    def add(sub, fname, text, eid, prov, secret, ref, **kw):
        c.add("pos/tail/%s/%s" % (sub, fname), text, [pos(eid, 9, prov, secret, ref, context="file", basis="prefix", **kw)])

    for i in range(8):
        eid = "c9-privatekey-rsa-%d" % i
        r = R(eid)
        pem, first = rsa_pem(r, "RSA PRIVATE KEY" if i % 2 else "PRIVATE KEY")
        fname = ["id_rsa", "server.key", "private.pem", "tls.key"][i % 4]
        add("privatekey/rsa%d" % i, fname, pem, eid, "privatekey", first, "https://datatracker.ietf.org/doc/html/rfc7468#section-10", multipart=True)
    for i in range(6):
        eid = "c9-privatekey-openssh-%d" % i
        r = R(eid)
        pem, part = openssh_key(r)
        add("privatekey/openssh%d" % i, "id_ed25519", pem, eid, "privkey", part, "https://cvsweb.openbsd.org/src/usr.bin/ssh/PROTOCOL.key?annotate=HEAD", multipart=True)
    for i in range(4):
        eid = "c9-privatekey-ec-%d" % i
        r = R(eid)
        pem, first = ec_pem(r)
        add("privatekey/ec%d" % i, "ec.key", pem, eid, "pem", first, "https://datatracker.ietf.org/doc/html/rfc5915#section-4", multipart=True)
    for i in range(4):
        eid = "c9-privatekey-pgp-%d" % i
        r = R(eid)
        blk, part = pgp_block(r)
        add("privatekey/pgp%d" % i, "secret-key.asc", blk, eid, "pgp", part, "https://datatracker.ietf.org/doc/html/rfc4880#section-6.2", multipart=True)
    for i in range(8):
        eid = "c9-jwt-%d" % i
        r = R(eid)
        tok = make_jwt(r, {"sub": r.uuid(), "iss": "https://auth.%s.io/" % r.choice(["acme", "shopco"]), "aud": "api", "exp": 1900000000 + r.randrange(10 ** 6),
                           "role": r.choice(["service", "admin"])})
        fname, text = [("request.http", "GET https://api.acme.io/v1/orders\nAuthorization: Bearer %s\n" % tok),
                       ("client.py", "HEADERS = {\"Authorization\": \"Bearer %s\"}\n" % tok),
                       (".env", "SERVICE_JWT=%s\n" % tok), ("config.json", json.dumps({"auth": {"token": tok}}, indent=2) + "\n")][i % 4]
        add("jwt/%d" % i, fname, text, eid, "jwt", tok, "https://datatracker.ietf.org/doc/html/rfc7519")
    for i in range(8):
        eid = "c9-basic-%d" % i
        r = R(eid)
        user, pw = r.choice(["deploy", "api", "admin"]), r.s("an", 18)
        b = base64.b64encode(("%s:%s" % (user, pw)).encode()).decode()
        if i % 2:
            fname, text, secret, alt = "call.sh", "curl -u %s:%s https://repo.acme.io/api/upload -T build.tar\n" % (user, pw), pw, []
            prov, ref = "curl", "https://curl.se/docs/manpage.html#-u"
        else:
            fname, text, secret, alt = "client.js", "fetch(url, { headers: { Authorization: 'Basic %s' } });\n" % b, b, [pw]
            prov, ref = "http", "https://datatracker.ietf.org/doc/html/rfc7617#section-2"
        add("basic/%d" % i, fname, text, eid, prov, secret, ref, alt=alt)
    for i in range(6):
        eid = "c9-securestring-%d" % i
        r = R(eid)
        pw = strong_pw(r).replace('"', "x").replace("`", "x").replace("$", "x")
        text = "$password = ConvertTo-SecureString \"%s\" -AsPlainText -Force\n$cred = New-Object System.Management.Automation.PSCredential (\"CORP\\svc-backup\", $password)\n" % pw
        add("securestring/%d" % i, "backup.ps1", text, eid, "securestring", pw, "https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.security/convertto-securestring")
    for i in range(4):
        eid = "c9-psexec-%d" % i
        r = R(eid)
        pw = strong_pw(r).replace('"', "x").replace(" ", "x").replace("^", "x").replace("&", "x")
        text = "psexec \\\\fileserver01 -u CORP\\administrator -p %s -s cmd /c \"net stop spooler\"\n" % pw
        add("psexec/%d" % i, "restart.bat", text, eid, "psexec", pw, "https://learn.microsoft.com/en-us/sysinternals/downloads/psexec")
    for i in range(4):
        eid = "c9-phpmailer-%d" % i
        r = R(eid)
        pw = r.s("an", 16)
        text = "<?php\n$mail = new PHPMailer(true);\n$mail->isSMTP();\n$mail->Host = 'smtp.acme.io';\n$mail->SMTPAuth = true;\n$mail->Username = 'noreply@acme.io';\n$mail->Password = '%s';\n" % pw
        add("phpmailer/%d" % i, "mailer.php", text, eid, "phpmailer", pw, "https://github.com/PHPMailer/PHPMailer/blob/master/README.md#a-simple-example")
    for i in range(4):
        eid = "c9-snowflake-%d" % i
        r = R(eid)
        pw = r.s("an", 20)
        text = "import snowflake.connector\n\nconn = snowflake.connector.connect(\n    user='ETL_USER',\n    password='%s',\n    account='%s-%s',\n)\n" % (pw, r.s("low", 7), r.s("low", 7))
        add("snowflake/%d" % i, "load.py", text, eid, "snowflake", pw, "https://docs.snowflake.com/en/developer-guide/python-connector/python-connector-connect")
    for i in range(4):
        eid = "c9-react-%d" % i
        r = R(eid)
        v = "sk_live_" + r.s("an", 99) if i % 2 else "sk-proj-" + r.s("b64u", 74) + "T3BlbkFJ" + r.s("b64u", 74)
        add("react/%d" % i, ".env.production", "REACT_APP_API_URL=https://api.acme.io\nREACT_APP_%s=%s\n" % ("STRIPE_SECRET" if i % 2 else "OPENAI_KEY", v), eid, "react", v,
            "https://create-react-app.dev/docs/adding-custom-environment-variables/")
    for i in range(4):
        eid = "c9-configtmpl-%d" % i
        r = R(eid)
        pw = r.s("an", 22)
        add("configtmpl/%d" % i, "config.tmpl", "[database]\nhost = {{ .Host }}\nuser = app\npassword = %s\n" % pw, eid, "config.tmpl", pw,
            "https://pkg.go.dev/text/template")


# --------------------------------------------------------------------------------------------
def gen_longtail(c):
    """Class 9: every provider of formats.TABLE, in varied files."""
    rows = [l.split("|") for t in (formats.TABLE, longtail2.TABLE)
            for l in t.strip().splitlines() if l and not l.startswith("#")]
    per_provider = {}
    for n, (prov, tmpl, var, url) in enumerate(rows):
        k = per_provider.get(prov, 0)
        per_provider[prov] = k + 1
        copies = 2 if n % 3 == 0 else 1
        for j in range(copies):
            eid = "c9-%s-%d" % (prov.replace(".", "-"), k * 2 + j)
            r = R(eid)
            value = fill(tmpl, r)
            P = "%s_%s" % (ident(prov), var)
            cname, ctx = CONTEXTS[(n * 7 + j * 11) % len(CONTEXTS)]
            if cname == "curl" and not tmpl.startswith("{") and "://" in value:
                cname, ctx = "env", CONTEXT_BY_NAME["env"]
            fname, text = ctx(P, value, r)
            secret, alt = url_secret(value)
            c.add("pos/tail/%s/%d/%s" % (prov, k * 2 + j, fname), text,
                  [pos(eid, 9, prov, secret, url, context=cname, alt=alt, needle=value,
                       basis="prefix" if tmpl[0] != "{" else "keyword-shape")])


# --------------------------------------------------------------------------------------------
GENERIC_NAMES = [
    "API_TOKEN", "api_token", "SERVICE_TOKEN", "AUTH_TOKEN", "ACCESS_TOKEN", "api_key", "API_KEY",
    "apiKey", "client_secret", "CLIENT_SECRET", "clientSecret", "secret_key", "SECRET", "app_secret",
    "private_token", "signing_secret", "webhook_secret", "encryption_key", "master_key", "jwt_secret",
    "session_secret", "cookie_secret", "oauth_token", "consumer_secret", "hmac_key", "access_key",
    "refresh_token", "bearer_token", "INTERNAL_API_TOKEN", "GATEWAY_TOKEN", "license_key", "auth_key",
    "db_password", "DB_PASSWORD", "password", "passwd", "admin_password", "SMTP_PASSWORD",
    "REDIS_PASSWORD", "secretToken", "deploy_key", "token",
]
TOKEN_STEMS = ["PAYMENTS", "BILLING", "DEPLOY", "METRICS", "SEARCH", "ORDERS", "NOTIFY", "ANALYTICS",
               "STORAGE", "INVENTORY", "CRM", "LEDGER", "MAPS", "SYNC", "REPORTING", "INGEST"]
CAMEL_STEMS = ["foo", "slack", "deploy", "auth", "refresh", "access", "bot", "upload", "partner",
               "vendor", "backend", "service", "admin", "cdn", "mailer"]


def generic_value(r, name):
    low = name.lower()
    if any(w in low for w in ("password", "passwd")):
        kind = r.choice(["pw", "pw", "an", "b64"])
    else:
        kind = r.choice(["hex32", "hex40", "hex64", "b64", "an", "an", "b64u", "pw"])
    if kind == "pw":
        v = r.s("pw", r.randrange(14, 28))
    elif kind.startswith("hex"):
        v = r.s("hex", int(kind[3:]))
    elif kind == "b64":
        v = r.b64bytes(r.choice([24, 30, 32, 33, 48]))
    elif kind == "b64u":
        v = r.s("b64u", r.randrange(32, 56))
    else:
        v = r.s("an", r.randrange(24, 50))
    return v


def generic_name(r, i):
    m = i % 4
    if m == 0:
        return r.choice(GENERIC_NAMES)
    if m == 1:
        return r.choice(TOKEN_STEMS) + r.choice(["_TOKEN", "_API_KEY", "_SECRET", "_KEY", "_ACCESS_TOKEN"])
    if m == 2:
        return r.choice(CAMEL_STEMS) + r.choice(["Token", "Secret", "ApiKey", "Key", "AccessToken", "Password"])
    return r.choice(["api", "service", "upstream", "internal", "partner"]) + "_" + r.choice(["token", "secret", "key", "password", "auth_token"])


def gen_generic(c, count=720):
    """Class 1: generic assignments in code and config, in many languages."""
    extra = {
        "py-comment": lambda n, v, r: ("app.py", "import requests\n\n%s = \"%s\"  # %s\nresp = requests.get(URL, headers={\"X-Token\": %s})\n" % (n, v, r.choice(["prod", "rotated 2026-03", "TODO move to vault", "ask ops"]), n)),
        "yaml-comment": lambda n, v, r: ("values.yaml", "app:\n  replicas: 2\n  %s: %s # %s\n" % (n.lower(), v, r.choice(["prod key", "set by ops", "rotate quarterly"]))),
        "env-hash": None,
        "url-at": None,
        "rb": lambda n, v, r: ("client.rb", "class Client\n  %s = '%s'.freeze\nend\n" % (n.upper(), v)),
        "php": lambda n, v, r: ("config.php", "<?php\n$%s = \"%s\";\n" % (camel(n), v)),
        "cs": lambda n, v, r: ("Program.cs", "var %s = \"%s\";\nvar client = new HttpClient();\n" % (camel(n), v)),
        "kt": lambda n, v, r: ("Client.kt", "private val %s = \"%s\"\n" % (camel(n), v)),
        "rs": lambda n, v, r: ("main.rs", "fn main() {\n    let %s = \"%s\";\n    run(%s);\n}\n" % (n.lower(), v, n.lower())),
        "txt": lambda n, v, r: ("credentials.txt", "staging\n%s: %s\n" % (n, v)),
        "md": lambda n, v, r: ("README.md", "## Setup\n\nSet `%s` to `%s` in the job settings.\n" % (n, v)),
        "java-map": lambda n, v, r: ("Client.java", "headers.put(\"%s\", \"%s\");\n" % (n, v)),
        "go-struct": lambda n, v, r: ("client.go", "package api\n\nvar cfg = Config{\n\t%s: \"%s\",\n}\n" % (pascal(n), v)),
        "js-obj": lambda n, v, r: ("index.js", "const api = new Api({ %s: \"%s\" });\n" % (camel(n), v)),
        "ts-class": lambda n, v, r: ("service.ts", "export class Service {\n  private readonly %s = '%s';\n}\n" % (camel(n), v)),
        "sh-flag": lambda n, v, r: ("run.sh", "#!/bin/bash\n./client --%s '%s' --verbose\n" % (n.lower().replace("_", "-"), v)),
    }
    kinds = [k for k, _ in CONTEXTS if k != "curl"] + list(extra)
    for i in range(count):
        eid = "c1-%04d" % i
        r = R(eid)
        name = generic_name(r, i)
        kind = kinds[i % len(kinds)]
        v = generic_value(r, name)
        ent = {"context": kind}
        if kind == "env-hash":
            # unquoted .env value holding '#': dotenv reads it whole (a comment needs a space before '#')
            cut = r.randrange(4, len(v) - 4)
            v = v[:cut] + "#" + v[cut + 1:]
            fname, text = ".env", "APP_ENV=production\n%s=%s\nPORT=8080\n" % (name.upper(), v)
        elif kind == "url-at":
            user = r.choice(["app", "svc", "deploy", "report"])
            v = r.s("an", r.randrange(6, 12)) + "@" + "".join(r.choice(string.ascii_letters + string.digits + "!*-_.~") for _ in range(r.randrange(6, 12)))
            scheme = r.choice(["postgres", "mysql", "redis", "amqp", "mongodb"])
            fname = r.choice([".env", "settings.py", "config.yml"])
            url = "%s://%s:%s@%s.internal:%d/%s" % (scheme, user, v, r.choice(["db", "cache", "mq"]), r.randrange(1000, 9999), r.choice(["app", "main", "0"]))
            text = {"settings.py": "DATABASE_URL = \"%s\"\n", ".env": "DATABASE_URL=%s\n", "config.yml": "database:\n  url: %s\n"}[fname] % url
        elif kind in extra:
            fname, text = extra[kind](name, v, r)
        else:
            fname, text = CONTEXT_BY_NAME[kind](name.upper() if kind in ("env", "sh", "docker", "gha", "compose") else name, v, r)
        c.add("pos/generic/%s/%d/%s" % (kind, i, fname), text,
              [pos(eid, 1, "generic", v, "https://github.com/keyhound/keyhound/issues/14", name=name, **ent)])


# --------------------------------------------------------------------------------------------
def pem_body(r, nbytes):
    b = base64.b64encode(r.raw(nbytes)).decode()
    return "\n".join(b[i:i + 64] for i in range(0, len(b), 64))


def rsa_pem(r, kind="RSA PRIVATE KEY"):
    # a PKCS#1/8 shaped DER body: the real header bytes, random key material
    head = b"\x30\x82\x04\xa4\x02\x01\x00\x02\x82\x01\x01\x00" if kind == "RSA PRIVATE KEY" else b"\x30\x82\x04\xbe\x02\x01\x00\x30\x0d\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01\x05\x00\x04\x82\x04\xa8"
    der = head + r.raw(1180)
    b = base64.b64encode(der).decode()
    body = "\n".join(b[i:i + 64] for i in range(0, len(b), 64))
    return "-----BEGIN %s-----\n%s\n-----END %s-----\n" % (kind, body, kind), b[:64]


def openssh_key(r):
    blob = b"openssh-key-v1\x00" + b"\x00\x00\x00\x04none\x00\x00\x00\x04none\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x33\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + r.raw(200)
    b = base64.b64encode(blob).decode()
    body = "\n".join(b[i:i + 70] for i in range(0, len(b), 70))
    return "-----BEGIN OPENSSH PRIVATE KEY-----\n%s\n-----END OPENSSH PRIVATE KEY-----\n" % body, b[70:134]


def ppk(r, comment):
    pub = base64.b64encode(b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + r.raw(32)).decode()
    priv = base64.b64encode(b"\x00\x00\x00\x20" + r.raw(32)).decode()
    mac = r.s("hex", 64)
    text = ("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: %s\nPublic-Lines: 2\n%s\n%s\n"
            "Private-Lines: 1\n%s\nPrivate-MAC: %s\n") % (comment, pub[:64], pub[64:], priv, mac)
    return text, priv


WEAK = ["password", "password123", "welcome1", "admin", "qwerty", "letmein", "secret", "changeme1",
        "Summer2024!", "P@ssw0rd", "root", "123456", "dragon", "monkey1", "postgres", "hunter2"]


def strong_pw(r, n=None):
    return r.s("pw", n or r.randrange(12, 24)).replace(":", "x").replace("#", "h")


def gen_credfiles(c):
    """Class 4: credential-store files; every credential is a finding, weak ones too."""
    REF = {
        "git-credentials": "https://git-scm.com/docs/git-credential-store#_storage_format",
        "pgpass": "https://www.postgresql.org/docs/current/libpq-pgpass.html",
        "netrc": "https://www.gnu.org/software/inetutils/manual/html_node/The-_002enetrc-file.html",
        "htpasswd": "https://httpd.apache.org/docs/2.4/programs/htpasswd.html",
        "proftpd": "http://www.proftpd.org/docs/howto/AuthFiles.html",
        "ppk": "https://the.earth.li/~sgtatham/putty/0.80/htmldoc/AppendixC.html",
        "filezilla": "https://wiki.filezilla-project.org/Site_Manager",
        "dbeaver": "https://dbeaver.com/docs/dbeaver/Admin-Manage-Connections/",
        "datagrip": "https://www.jetbrains.com/help/datagrip/configuring-database-connections.html",
        "s3cfg": "https://s3tools.org/kb/item14.htm",
        "esmtprc": "https://esmtp.sourceforge.net/manual.html",
        "fetchmailrc": "https://www.fetchmail.info/fetchmail-man.html#the-run-control-file",
        "msmtprc": "https://marlam.de/msmtp/msmtp.html#Authentication",
        "my.cnf": "https://dev.mysql.com/doc/refman/8.0/en/option-files.html",
        "pypirc": "https://packaging.python.org/en/latest/specifications/pypirc/",
        "npmrc": "https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration",
        "docker-config": "https://docs.docker.com/reference/cli/docker/login/#credential-stores",
        "m2-settings": "https://maven.apache.org/settings.html#servers",
        "composer-auth": "https://getcomposer.org/doc/articles/authentication-for-private-packages.md#http-basic",
        "tomcat-users": "https://tomcat.apache.org/tomcat-10.1-doc/realm-howto.html#UserDatabaseRealm",
        "sftp-config": "https://codexns.io/products/sftp_for_subime/settings",
        "curlrc": "https://everything.curl.dev/cmdline/configfile.html",
        "wgetrc": "https://www.gnu.org/software/wget/manual/html_node/Wgetrc-Commands.html",
        "cifs": "https://www.samba.org/~ab/output/htmldocs/manpages-3/mount.cifs.8.html",
        "wpa": "https://w1.fi/cgit/hostap/plain/wpa_supplicant/wpa_supplicant.conf",
        "nmconnection": "https://networkmanager.dev/docs/api/latest/settings-802-11-wireless-security.html",
        "openvpn-auth": "https://openvpn.net/community-resources/reference-manual-for-openvpn-2-6/",
        "chap-secrets": "https://ppp.samba.org/pppd.html#sect7",
        "aws-credentials": "https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html",
        "gh-hosts": "https://cli.github.com/manual/gh_auth_login",
        "gem-credentials": "https://guides.rubygems.org/command-reference/#gem-signin",
        "winscp": "https://winscp.net/eng/docs/ui_pref_storage",
        "kubeconfig": "https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/",
        "rclone": "https://rclone.org/docs/#config-file",
        "jenkins-credentials": "https://www.jenkins.io/doc/book/using/using-credentials/",
        "ftpconfig": "https://github.com/mgrenier/remote-ftp#usage",
        "boto": "https://boto.readthedocs.io/en/latest/boto_config_tut.html#credentials",
        "gradle-props": "https://docs.gradle.org/current/userguide/build_environment.html#sec:gradle_configuration_properties",
        "svn-auth": "https://svnbook.red-bean.com/en/1.7/svn.serverconfig.netmodel.html#svn.serverconfig.netmodel.credcache",
        "hgrc": "https://www.mercurial-scm.org/doc/hgrc.5.html#auth",
        "smbcredentials": "https://manpages.debian.org/bookworm/cifs-utils/mount.cifs.8.en.html",
        "redis-conf": "https://redis.io/docs/latest/operate/oss_and_stack/management/security/#authentication",
        "pgadmin-servers": "https://www.pgadmin.org/docs/pgadmin4/latest/import_export_servers.html",
    }
    hosts = ["github.com", "gitlab.com", "bitbucket.org", "git.acme-corp.net", "code.internal.io"]
    users = ["alice", "bob", "deploy", "ci-bot", "jenkins", "marta", "ops", "build"]

    def pw(r, i):
        return r.choice(WEAK) if i % 3 == 0 else strong_pw(r)

    n = 0
    for i in range(14):
        eid = "c4-gitcred-%d" % i
        r = R(eid)
        p = pw(r, i) if i % 2 else ("ghp_" + crc62(r.s("an", 30)) if i % 4 == 0 else "glpat-" + r.s("b64u", 20))
        p = p.replace("@", "x").replace("/", "x").replace("?", "x").replace("%", "x")
        u = r.choice(users)
        h = r.choice(hosts)
        text = "https://%s:%s@%s\n" % (u, p, h)
        c.add("pos/credfiles/home/%s%d/.git-credentials" % (u, i), text,
              [pos(eid, 4, "git-credentials", p, REF["git-credentials"], weak=p in WEAK)])
    for i in range(14):
        eid = "c4-pgpass-%d" % i
        r = R(eid)
        p = pw(r, i)
        lines = "# hostname:port:database:username:password\n%s:5432:%s:%s:%s\n" % (r.choice(["db1.internal", "localhost", "*", "10.0.3.12"]), r.choice(["app", "*", "billing"]), r.choice(users), p)
        c.add("pos/credfiles/home/u%d/.pgpass" % i, lines, [pos(eid, 4, "pgpass", p, REF["pgpass"], weak=p in WEAK)])
    for i in range(14):
        eid = "c4-netrc-%d" % i
        r = R(eid)
        p = pw(r, i)
        style = i % 2
        host = r.choice(["api.heroku.com", "ftp.example-mirror.org", "github.com", "artifacts.acme.io", "urs.earthdata.nasa.gov"])
        text = ("machine %s\n  login %s\n  password %s\n" if style else "machine %s login %s password %s\n") % (host, r.choice(users), p)
        c.add("pos/credfiles/home/n%d/%s" % (i, ".netrc" if i % 4 else "_netrc"), text, [pos(eid, 4, "netrc", p, REF["netrc"], weak=p in WEAK)])
    for i in range(8):
        eid = "c4-htpasswd-%d" % i
        r = R(eid)
        h = "$apr1$%s$%s" % (r.s("crypt", 8), r.s("crypt", 22)) if i % 2 else "$2y$10$%s" % r.s("crypt", 53)
        text = "%s:%s\n" % (r.choice(users), h)
        c.add("pos/credfiles/etc/apache2/site%d/.htpasswd" % i, text, [pos(eid, 4, "htpasswd", h, REF["htpasswd"])])
    for i in range(6):
        eid = "c4-proftpd-%d" % i
        r = R(eid)
        h = "$1$%s$%s" % (r.s("crypt", 8), r.s("crypt", 22)) if i % 2 else "$6$%s$%s" % (r.s("crypt", 16), r.s("crypt", 86))
        text = "%s:%s:2001:2001::/srv/ftp/%s:/bin/false\n" % (users[i], h, users[i])
        c.add("pos/credfiles/etc/proftpd/vhost%d/ftpd.passwd" % i, text, [pos(eid, 4, "proftpd", h, REF["proftpd"])])
    for i in range(10):
        eid = "c4-ppk-%d" % i
        r = R(eid)
        text, priv = ppk(r, r.choice(["ed25519-key-20240611", "deploy@build01", "imported-openssh-key", "backup server"]))
        c.add("pos/credfiles/keys/k%d/%s.ppk" % (i, r.choice(["deploy", "id_ed25519", "server", "backup"])), text, [pos(eid, 4, "putty", priv, REF["ppk"])])
    for i in range(10):
        eid = "c4-filezilla-%d" % i
        r = R(eid)
        p = pw(r, i)
        enc = base64.b64encode(p.encode()).decode()
        text = ('<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>\n<FileZilla3 version="3.66.1" platform="windows">\n'
                '  <Servers>\n    <Server>\n      <Host>ftp.%s.net</Host>\n      <Port>21</Port>\n      <Protocol>0</Protocol>\n'
                '      <Type>0</Type>\n      <User>%s</User>\n      <Pass encoding="base64">%s</Pass>\n      <Logontype>1</Logontype>\n'
                '      <Name>%s</Name>\n    </Server>\n  </Servers>\n</FileZilla3>\n') % (r.choice(["shop", "media", "backup"]), r.choice(users), enc, r.choice(["prod", "shop", "media"]))
        c.add("pos/credfiles/AppData/Roaming/FileZilla%d/%s" % (i, "sitemanager.xml" if i % 3 else "recentservers.xml"), text,
              [pos(eid, 4, "filezilla", enc, REF["filezilla"], alt=[p], weak=p in WEAK)])
    for i in range(8):
        eid = "c4-dbeaver-%d" % i
        r = R(eid)
        p = pw(r, i)
        doc = {"folders": {}, "connections": {"postgres-jdbc-%s" % r.s("hex", 11): {
            "provider": "postgresql", "driver": "postgres-jdbc", "name": r.choice(["prod", "reporting", "analytics"]),
            "save-password": True, "configuration": {"host": "db.internal", "port": "5432", "database": "app",
                                                     "url": "jdbc:postgresql://db.internal:5432/app", "type": "prod",
                                                     "user": r.choice(users), "password": p, "auth-model": "native"}}}}
        c.add("pos/credfiles/project%d/.dbeaver/data-sources.json" % i, json.dumps(doc, indent=1) + "\n",
              [pos(eid, 4, "dbeaver", p, REF["dbeaver"], weak=p in WEAK)])
    for i in range(8):
        eid = "c4-datagrip-%d" % i
        r = R(eid)
        p = strong_pw(r).replace("&", "x").replace("<", "x")
        text = ('<?xml version="1.0" encoding="UTF-8"?>\n<project version="4">\n  <component name="DataSourceManagerImpl" format="xml" multifile-model="true">\n'
                '    <data-source source="LOCAL" name="prod@db" uuid="%s">\n      <driver-ref>postgresql</driver-ref>\n'
                '      <jdbc-driver>org.postgresql.Driver</jdbc-driver>\n      <jdbc-url>jdbc:postgresql://db.internal:5432/app?user=%s&amp;password=%s</jdbc-url>\n'
                '    </data-source>\n  </component>\n</project>\n') % (r.uuid(), r.choice(users), p)
        c.add("pos/credfiles/repo%d/.idea/dataSources.xml" % i, text, [pos(eid, 4, "datagrip", p, REF["datagrip"])])
    simple = [
        ("s3cfg", ".s3cfg", lambda r, p: "[default]\naccess_key = AKIA%s\nsecret_key = %s\nhost_base = s3.amazonaws.com\n" % (r.s("b32", 16), p), "b64"),
        ("esmtprc", ".esmtprc", lambda r, p: "hostname = smtp.%s.com:587\nusername = \"%s\"\npassword = \"%s\"\nstarttls = required\n" % (r.choice(["mailhost", "relay"]), r.choice(users), p), "pw"),
        ("fetchmailrc", ".fetchmailrc", lambda r, p: "poll imap.%s.net protocol IMAP\n  user \"%s\" password \"%s\" ssl\n" % (r.choice(["mailhost", "corp"]), r.choice(users), p), "pw"),
        ("msmtprc", ".msmtprc", lambda r, p: "account default\nhost smtp.%s.com\nauth on\nuser %s\npassword %s\n" % (r.choice(["relay", "mailer"]), r.choice(users), p), "pw"),
        ("my.cnf", ".my.cnf", lambda r, p: "[client]\nuser=%s\npassword=%s\nhost=db.internal\n" % (r.choice(users), p), "pw"),
        ("pypirc", ".pypirc", lambda r, p: "[distutils]\nindex-servers = private\n\n[private]\nrepository = https://pypi.acme.io/\nusername = %s\npassword = %s\n" % (r.choice(users), p), "pw"),
        ("npmrc", ".npmrc", lambda r, p: "registry=https://npm.acme.io/\n//npm.acme.io/:_password=%s\n//npm.acme.io/:username=%s\n" % (base64.b64encode(p.encode()).decode(), r.choice(users)), "pwb64"),
        ("docker-config", "config.json", lambda r, p: json.dumps({"auths": {"registry.acme.io": {"auth": base64.b64encode(("%s:%s" % (r.choice(users), p)).encode()).decode()}}}, indent=2) + "\n", "authb64"),
        ("m2-settings", "settings.xml", lambda r, p: "<settings>\n  <servers>\n    <server>\n      <id>releases</id>\n      <username>%s</username>\n      <password>%s</password>\n    </server>\n  </servers>\n</settings>\n" % (r.choice(users), p), "xmlpw"),
        ("composer-auth", "auth.json", lambda r, p: json.dumps({"http-basic": {"repo.acme.io": {"username": r.choice(users), "password": p}}}, indent=4) + "\n", "pw"),
        ("tomcat-users", "tomcat-users.xml", lambda r, p: "<tomcat-users>\n  <role rolename=\"manager-gui\"/>\n  <user username=\"%s\" password=\"%s\" roles=\"manager-gui\"/>\n</tomcat-users>\n" % (r.choice(users), p), "xmlpw"),
        ("sftp-config", "sftp-config.json", lambda r, p: "{\n    \"type\": \"sftp\",\n    \"host\": \"www.acme.net\",\n    \"user\": \"%s\",\n    \"password\": \"%s\",\n    \"remote_path\": \"/var/www/\"\n}\n" % (r.choice(users), p), "pw"),
        ("curlrc", ".curlrc", lambda r, p: "silent\nuser = \"%s:%s\"\n" % (r.choice(users), p), "pw"),
        ("wgetrc", ".wgetrc", lambda r, p: "user = %s\npassword = %s\n" % (r.choice(users), p), "pw"),
        ("cifs", ".cifscreds", lambda r, p: "username=%s\npassword=%s\ndomain=CORP\n" % (r.choice(users), p), "pw"),
        ("smbcredentials", ".smbcredentials", lambda r, p: "username=%s\npassword=%s\n" % (r.choice(users), p), "pw"),
        ("wpa", "wpa_supplicant.conf", lambda r, p: "network={\n    ssid=\"acme-office\"\n    psk=\"%s\"\n}\n" % p, "pw"),
        ("nmconnection", "office.nmconnection", lambda r, p: "[wifi]\nssid=acme-office\n\n[wifi-security]\nkey-mgmt=wpa-psk\npsk=%s\n" % p, "pw"),
        ("openvpn-auth", "auth.txt", lambda r, p: "%s\n%s\n" % (r.choice(users), p), "pw"),
        ("chap-secrets", "chap-secrets", lambda r, p: "# client\tserver\tsecret\t\tIP addresses\n%s\t*\t%s\t*\n" % (r.choice(users), p), "pw"),
        ("aws-credentials", "credentials", lambda r, p: "[default]\naws_access_key_id = AKIA%s\naws_secret_access_key = %s\n" % (r.s("b32", 16), p), "b64"),
        ("gh-hosts", "hosts.yml", lambda r, p: "github.com:\n    user: %s\n    oauth_token: %s\n    git_protocol: https\n" % (r.choice(users), p), "gho"),
        ("gem-credentials", "credentials", lambda r, p: "---\n:rubygems_api_key: %s\n" % p, "rubygems"),
        ("winscp", "WinSCP.ini", lambda r, p: "[Sessions\\%s@sftp.acme.net]\nHostName=sftp.acme.net\nUserName=%s\nPassword=%s\n" % ("deploy", "deploy", p), "winscp"),
        ("rclone", "rclone.conf", lambda r, p: "[remote]\ntype = sftp\nhost = files.acme.net\nuser = %s\npass = %s\n" % (r.choice(users), p), "rclone"),
        ("ftpconfig", ".ftpconfig", lambda r, p: "{\n  \"protocol\": \"ftp\",\n  \"host\": \"ftp.acme.net\",\n  \"user\": \"%s\",\n  \"pass\": \"%s\"\n}\n" % (r.choice(users), p), "pw"),
        ("boto", ".boto", lambda r, p: "[Credentials]\ngs_access_key_id = GOOG1E%s\ngs_secret_access_key = %s\n" % (r.s("AU", 55), p), "b64"),
        ("gradle-props", "gradle.properties", lambda r, p: "org.gradle.jvmargs=-Xmx2g\nmavenUser=%s\nmavenPassword=%s\n" % (r.choice(users), p), "pw"),
        ("hgrc", "hgrc", lambda r, p: "[auth]\nacme.prefix = hg.acme.net\nacme.username = %s\nacme.password = %s\n" % (r.choice(users), p), "pw"),
        ("redis-conf", "redis.conf", lambda r, p: "bind 127.0.0.1\nport 6379\nrequirepass %s\n" % p, "pw"),
        ("pgadmin-servers", "pgpassfile", lambda r, p: "db.internal:5432:postgres:postgres:%s\n" % p, "pw"),
        ("svn-auth", "5671adf2865e267db74f09ba6f872c28", lambda r, p: "K 8\npasstype\nV 6\nsimple\nK 8\npassword\nV %d\n%s\nK 8\nusername\nV 6\ndeploy\nEND\n" % (len(p), p), "pw"),
        ("jenkins-credentials", "credentials.xml", lambda r, p: "<com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>\n  <id>deploy</id>\n  <username>deploy</username>\n  <password>%s</password>\n</com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>\n" % p, "xmlpw"),
    ]
    for kind, fname, make, vkind in simple:
        for i in range(4):
            eid = "c4-%s-%d" % (kind, i)
            r = R(eid)
            alt = []
            if vkind == "b64":
                p = r.b64bytes(30)
            elif vkind == "gho":
                p = "gho_" + crc62(r.s("an", 30))
            elif vkind == "rubygems":
                p = "rubygems_" + r.s("hex", 48)
            elif vkind == "winscp":
                p = "A35C" + r.s("HEX", 60)
            elif vkind == "rclone":
                p = r.s("b64u", 43)
            else:
                p = r.choice(WEAK) if i == 0 else strong_pw(r)
                if vkind == "xmlpw":
                    p = p.replace("&", "x").replace("<", "x")
                if fname in ("auth.json", "config.json", "sftp-config.json", ".ftpconfig"):
                    p = p.replace("\\", "x").replace('"', "x")
            text = make(r, p)
            secret = p
            if vkind == "pwb64":
                secret = base64.b64encode(p.encode()).decode()
                alt = [p]
            elif vkind == "authb64":
                secret = json.loads(text)["auths"]["registry.acme.io"]["auth"]
                alt = [p]
            c.add("pos/credfiles/%s/%d/%s" % (kind, i, fname), text,
                  [pos(eid, 4, kind, secret, REF[kind], alt=alt, weak=p in WEAK)])
    # kubeconfig with a bearer token and with client-key-data
    for i in range(6):
        eid = "c4-kubeconfig-%d" % i
        r = R(eid)
        if i % 2:
            tok = make_jwt(r, {"iss": "kubernetes/serviceaccount", "kubernetes.io/serviceaccount/namespace": "ci",
                               "sub": "system:serviceaccount:ci:deployer"})
            user = "  user:\n    token: %s\n" % tok
            secret = tok
            kalt = []
        else:
            pem, first = rsa_pem(r)
            data = base64.b64encode(pem.encode()).decode()
            user = "  user:\n    client-certificate-data: %s\n    client-key-data: %s\n" % (base64.b64encode(r.raw(600)).decode(), data)
            secret = data[:80]
            kalt = [first]
        text = ("apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: https://k8s.acme.internal:6443\n  name: prod\n"
                "contexts:\n- context:\n    cluster: prod\n    user: deployer\n  name: prod\ncurrent-context: prod\nusers:\n- name: deployer\n%s") % user
        c.add("pos/credfiles/kube/%d/config" % i, text, [pos(eid, 4, "kubeconfig", secret, REF["kubeconfig"], multipart=True, alt=kalt)])


# --------------------------------------------------------------------------------------------
HASH_REFS = {
    "bcrypt": "https://www.openbsd.org/papers/bcrypt-paper.pdf",
    "md5crypt": "https://man.archlinux.org/man/crypt.5",
    "sha256crypt": "https://www.akkadia.org/drepper/SHA-crypt.txt",
    "sha512crypt": "https://www.akkadia.org/drepper/SHA-crypt.txt",
    "yescrypt": "https://man.archlinux.org/man/crypt.5",
    "apr1": "https://httpd.apache.org/docs/2.4/misc/password_encryptions.html",
    "argon2": "https://github.com/P-H-C/phc-string-format/blob/master/phc-sf-spec.md",
    "django-pbkdf2": "https://docs.djangoproject.com/en/5.0/topics/auth/passwords/#how-django-stores-passwords",
    "ldap-ssha": "https://datatracker.ietf.org/doc/html/rfc2307#section-5.3",
}


def make_hash(r, kind):
    if kind == "bcrypt":
        return "$%s$%02d$%s" % (r.choice(["2a", "2b", "2y"]), r.choice([10, 11, 12, 12, 13]), r.s("crypt", 53))
    if kind == "md5crypt":
        return "$1$%s$%s" % (r.s("crypt", 8), r.s("crypt", 22))
    if kind == "sha256crypt":
        return "$5$%s$%s" % (r.s("crypt", 16), r.s("crypt", 43))
    if kind == "sha512crypt":
        return "$6$%s%s$%s" % ("rounds=656000$" if r.random() < 0.2 else "", r.s("crypt", 16), r.s("crypt", 86))
    if kind == "yescrypt":
        return "$y$j9T$%s$%s" % (r.s("crypt", 22), r.s("crypt", 43))
    if kind == "apr1":
        return "$apr1$%s$%s" % (r.s("crypt", 8), r.s("crypt", 22))
    if kind == "argon2":
        return "$argon2%s$v=19$m=%d,t=%d,p=%d$%s$%s" % (r.choice(["id", "id", "i"]), r.choice([65536, 19456, 47104]), r.choice([2, 3]), r.choice([1, 4]),
                                                       b64u_nopad(r.raw(16)).replace("-", "+").replace("_", "/"), b64u_nopad(r.raw(32)).replace("-", "+").replace("_", "/"))
    if kind == "django-pbkdf2":
        salt = r.s("an", 22)
        dk = hashlib.pbkdf2_hmac("sha256", r.s("pw", 14).encode(), salt.encode(), 1000)
        return "pbkdf2_sha256$%d$%s$%s" % (r.choice([600000, 720000, 870000]), salt, base64.b64encode(dk).decode())
    if kind == "ldap-ssha":
        salt = r.raw(8)
        return "{SSHA}" + base64.b64encode(hashlib.sha1(r.s("pw", 12).encode() + salt).digest() + salt).decode()
    raise ValueError(kind)


def gen_hashes(c):
    """Class 5: password hashes in ordinary files (not shadow or .htpasswd)."""
    kinds = list(HASH_REFS)
    ctx = [
        ("users.sql", lambda r, h: "INSERT INTO users (id, email, password_hash) VALUES (%d, '%s@acme.io', '%s');\n" % (r.randrange(1, 999), r.choice(["ana", "li", "sam"]), h)),
        ("seeds.rb", lambda r, h: "User.create!(email: 'admin@acme.io', encrypted_password: '%s')\n" % h),
        ("fixtures.yml", lambda r, h: "admin:\n  username: admin\n  password: '%s'\n" % h),
        ("users.json", lambda r, h: json.dumps([{"username": "ops", "password": h}], indent=2) + "\n"),
        (".env", lambda r, h: "ADMIN_USER=admin\nADMIN_PASSWORD_HASH='%s'\n" % h),
        ("vars.yml", lambda r, h: "users:\n  - name: deploy\n    password: \"%s\"\n" % h),
        ("cloud-init.yaml", lambda r, h: "#cloud-config\nusers:\n  - name: ops\n    passwd: %s\n    lock_passwd: false\n" % h),
        ("config.php", lambda r, h: "<?php\n$config['admin_hash'] = '%s';\n" % h),
        ("app.ts", lambda r, h: "export const ADMIN_HASH = '%s';\n" % h),
        ("users.ldif", lambda r, h: "dn: uid=jdoe,ou=people,dc=acme,dc=io\nobjectClass: inetOrgPerson\nuid: jdoe\nuserPassword: %s\n" % h),
        ("auth.go", lambda r, h: "package auth\n\nvar adminHash = `%s`\n" % h),
        ("Dump.sql", lambda r, h: "COPY public.accounts (id, login, pass) FROM stdin;\n1\tadmin\t%s\n\\.\n" % h),
    ]
    for i in range(130):
        eid = "c5-%03d" % i
        r = R(eid)
        kind = kinds[i % len(kinds)]
        h = make_hash(r, kind)
        if kind == "ldap-ssha":
            fname, make = ctx[9]
        elif kind == "django-pbkdf2":
            fname, make = [("fixtures.json", lambda r, h: json.dumps([{"model": "auth.user", "pk": 1, "fields": {"username": "admin", "password": h, "is_superuser": True}}], indent=2) + "\n"), ctx[0], ctx[2]][i % 3]
        else:
            fname, make = ctx[i % len(ctx)]
            if fname == "users.ldif":
                fname, make = ctx[0]
        text = make(r, h)
        c.add("pos/hashes/%s/%d/%s" % (kind, i, fname), text, [pos(eid, 5, kind, h, HASH_REFS[kind])])
    # traefik labels escape '$' as '$$' in compose files
    for i in range(6):
        eid = "c5-traefik-%d" % i
        r = R(eid)
        h = make_hash(r, "apr1" if i % 2 else "bcrypt")
        esc = h.replace("$", "$$")
        text = ("services:\n  whoami:\n    image: traefik/whoami\n    labels:\n"
                "      - \"traefik.http.middlewares.auth.basicauth.users=admin:%s\"\n") % esc
        c.add("pos/hashes/traefik/%d/docker-compose.yml" % i, text,
              [pos(eid, 5, "apr1" if i % 2 else "bcrypt", esc, "https://doc.traefik.io/traefik/middlewares/http/basicauth/", alt=[h])])


# --------------------------------------------------------------------------------------------
def django_key(r, must=None):
    k = "".join(r.choice(CHARSETS["django"]) for _ in range(50))
    if must:
        at = r.randrange(5, 40)
        k = k[:at] + must + k[at + len(must):]
    return k


def gen_framework(c):
    """Class 6: framework secrets and connection strings."""
    out = []

    def add(sub, fname, text, eid, prov, secret, ref, **kw):
        c.add("pos/framework/%s/%s" % (sub, fname), text, [pos(eid, 6, prov, secret, ref, **kw)])

    for i in range(12):
        r = R("c6-rails-%d" % i)
        k = r.s("hex", 128)
        if i % 3 == 0:
            add("rails%d/config" % i, "secrets.yml", "production:\n  secret_key_base: %s\n" % k, "c6-rails-%d" % i, "rails", k, "https://guides.rubyonrails.org/security.html#custom-credentials")
        elif i % 3 == 1:
            add("rails%d/config/initializers" % i, "secret_token.rb", "Rails.application.config.secret_key_base = '%s'\n" % k, "c6-rails-%d" % i, "rails", k, "https://guides.rubyonrails.org/security.html#custom-credentials")
        else:
            k = r.s("hex", 32)
            add("rails%d/config" % i, "master.key", k + "\n", "c6-rails-%d" % i, "rails", k, "https://guides.rubyonrails.org/security.html#custom-credentials")
    for i in range(16):
        r = R("c6-django-%d" % i)
        k = django_key(r)
        pre = "django-insecure-" if i % 4 == 0 else ""
        add("django%d/app" % i, "settings.py", "from pathlib import Path\n\nBASE_DIR = Path(__file__).resolve().parent.parent\nSECRET_KEY = '%s%s'\nDEBUG = False\n" % (pre, k),
            "c6-django-%d" % i, "django", pre + k, "https://docs.djangoproject.com/en/5.0/ref/settings/#secret-key")
    for i in range(12):
        r = R("c6-laravel-%d" % i)
        k = "base64:" + r.b64bytes(32)
        add("laravel%d" % i, ".env", "APP_NAME=Shop\nAPP_ENV=production\nAPP_KEY=%s\nAPP_DEBUG=false\n" % k, "c6-laravel-%d" % i, "laravel", k, "https://laravel.com/docs/11.x/encryption#configuration")
    for i in range(10):
        r = R("c6-flask-%d" % i)
        k = r.s("hex", 64) if i % 2 else r.b64bytes(24)
        text = ("from flask import Flask\n\napp = Flask(__name__)\napp.secret_key = b'%s'\n" if i % 2 else "class ProdConfig:\n    SECRET_KEY = \"%s\"\n    SESSION_COOKIE_SECURE = True\n") % k
        add("flask%d" % i, "app.py" if i % 2 else "config.py", text, "c6-flask-%d" % i, "flask", k, "https://flask.palletsprojects.com/en/3.0.x/config/#SECRET_KEY")
    for i in range(10):
        r = R("c6-symfony-%d" % i)
        k = r.s("hex", 32)
        add("symfony%d" % i, ".env.local" if i % 2 else ".env", "APP_ENV=prod\nAPP_SECRET=%s\n" % k, "c6-symfony-%d" % i, "symfony", k, "https://symfony.com/doc/current/reference/configuration/framework.html#secret")
    spring = ["spring.datasource.password", "spring.mail.password", "spring.rabbitmq.password", "spring.data.redis.password", "spring.security.user.password", "spring.kafka.properties.sasl.jaas.password"]
    for i in range(18):
        r = R("c6-spring-%d" % i)
        p = strong_pw(r)
        key = spring[i % len(spring)]
        if i % 2:
            parts = key.split(".")
            yml = ""
            for d, part in enumerate(parts[:-1]):
                yml += "  " * d + part + ":\n"
            yml += "  " * (len(parts) - 1) + "%s: \"%s\"\n" % (parts[-1], p.replace('"', "x").replace("\\", "x"))
            p = p.replace('"', "x").replace("\\", "x")
            add("spring%d/src/main/resources" % i, "application.yml", yml, "c6-spring-%d" % i, "spring", p, "https://docs.spring.io/spring-boot/appendix/application-properties/index.html")
        else:
            add("spring%d/src/main/resources" % i, "application-prod.properties", "server.port=8080\n%s=%s\n" % (key, p), "c6-spring-%d" % i, "spring", p, "https://docs.spring.io/spring-boot/appendix/application-properties/index.html")
    for i in range(14):
        r = R("c6-azstorage-%d" % i)
        k = r.b64bytes(64)
        cs = "DefaultEndpointsProtocol=https;AccountName=%s%s;AccountKey=%s;EndpointSuffix=core.windows.net" % (r.choice(["acme", "shop", "logs"]), r.s("al", 6), k)
        if i % 2:
            text = json.dumps({"Logging": {"LogLevel": {"Default": "Information"}}, "ConnectionStrings": {"Storage": cs}}, indent=2) + "\n"
            fname = "appsettings.json"
        else:
            text = "AZURE_STORAGE_CONNECTION_STRING=\"%s\"\n" % cs
            fname = ".env"
        add("azure-storage%d" % i, fname, text, "c6-azstorage-%d" % i, "azurestorage", k, "https://learn.microsoft.com/en-us/azure/storage/common/storage-configure-connection-string")
    for i in range(12):
        r = R("c6-servicebus-%d" % i)
        k = r.b64bytes(32)
        svc = "servicebus" if i % 2 else "servicebus"
        cs = "Endpoint=sb://%s-%s.%s.windows.net/;SharedAccessKeyName=%s;SharedAccessKey=%s%s" % (
            r.choice(["orders", "events", "telemetry"]), r.s("al", 4), svc, r.choice(["RootManageSharedAccessKey", "send-only", "listen"]), k,
            ";EntityPath=%s" % r.choice(["orders", "hub1"]) if i % 3 == 0 else "")
        text = ("local.settings.json", json.dumps({"IsEncrypted": False, "Values": {"AzureWebJobsStorage": "UseDevelopmentStorage=true", "ServiceBusConnection": cs}}, indent=2) + "\n") if i % 2 else ("config.py", "SERVICE_BUS = \"%s\"\n" % cs)
        add("azure-servicebus%d" % i, text[0], text[1], "c6-servicebus-%d" % i, "azureservicebus", k, "https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-authentication-and-authorization#shared-access-signature")
    jdbc = [
        ("jdbc:mysql://db.internal:3306/shop?user=%s&password=%s&useSSL=true", "https://dev.mysql.com/doc/connector-j/en/connector-j-reference-jdbc-url-format.html"),
        ("jdbc:postgresql://pg.internal:5432/app?user=%s&password=%s&sslmode=require", "https://jdbc.postgresql.org/documentation/use/#connection-parameters"),
        ("jdbc:sqlserver://sql.internal:1433;databaseName=erp;user=%s;password=%s;encrypt=true", "https://learn.microsoft.com/en-us/sql/connect/jdbc/building-the-connection-url"),
        ("jdbc:oracle:thin:%s/%s@ora.internal:1521/ORCLPDB1", "https://docs.oracle.com/en/database/oracle/oracle-database/19/jjdbc/data-sources-and-URLs.html"),
        ("jdbc:redshift://warehouse.abc123xyz.eu-west-1.redshift.amazonaws.com:5439/dev?user=%s&password=%s", "https://docs.aws.amazon.com/redshift/latest/mgmt/jdbc20-configuration-options.html"),
        ("jdbc:mariadb://maria.internal:3306/app?user=%s&password=%s", "https://mariadb.com/kb/en/about-mariadb-connector-j/#connection-strings"),
    ]
    for i in range(24):
        r = R("c6-jdbc-%d" % i)
        tmpl, ref = jdbc[i % len(jdbc)]
        p = r.s("an", r.randrange(12, 22))
        url = tmpl % (r.choice(["app", "etl", "report"]), p)
        ctxs = [("application.properties", "spring.datasource.url=%s\n"), ("hibernate.cfg.xml", "<property name=\"connection.url\">%s</property>\n"),
                ("etl.py", "JDBC_URL = \"%s\"\n"), ("Db.java", "String url = \"%s\";\n")]
        fname, t = ctxs[i % len(ctxs)]
        if fname.endswith(".xml"):
            url = url.replace("&", "&amp;")
        add("jdbc%d" % i, fname, t % url, "c6-jdbc-%d" % i, "jdbc", p, ref)
    for i in range(12):
        r = R("c6-odbc-%d" % i)
        p = strong_pw(r).replace(";", "x").replace("&", "x").replace("{", "x").replace("}", "x").replace('"', "x").replace("\\", "x")
        if i % 3 == 0:
            cs = "Driver={ODBC Driver 18 for SQL Server};Server=tcp:sql.internal,1433;Database=erp;Uid=%s;Pwd=%s;Encrypt=yes;" % (r.choice(["sa", "erp"]), p)
            ref = "https://learn.microsoft.com/en-us/sql/connect/odbc/dsn-connection-string-attribute"
        elif i % 3 == 1:
            cs = "Server=sql.internal;Database=Shop;User Id=%s;Password=%s;TrustServerCertificate=True;" % (r.choice(["shop", "sa"]), p)
            ref = "https://learn.microsoft.com/en-us/dotnet/api/microsoft.data.sqlclient.sqlconnection.connectionstring"
        else:
            cs = "Driver={Amazon Redshift (x64)};Server=dw.abc123.eu-west-1.redshift.amazonaws.com;Database=dev;UID=%s;PWD=%s;Port=5439" % (r.choice(["etl", "bi"]), p)
            ref = "https://docs.aws.amazon.com/redshift/latest/mgmt/odbc20-configuration-options.html"
        fname, text = [("appsettings.json", json.dumps({"ConnectionStrings": {"Default": cs}}, indent=2) + "\n"),
                       ("Web.config", "<configuration>\n  <connectionStrings>\n    <add name=\"Default\" connectionString=\"%s\" />\n  </connectionStrings>\n</configuration>\n" % cs.replace("&", "&amp;")),
                       ("report.py", "import pyodbc\nconn = pyodbc.connect(\"%s\")\n" % cs)][i % 3]
        add("odbc%d" % i, fname, text, "c6-odbc-%d" % i, "odbc", p, ref)
    more = [
        ("wordpress", "wp-config.php", lambda r: (lambda k: ("<?php\ndefine( 'AUTH_KEY',         '%s' );\n" % k, k))("".join(r.choice(string.ascii_letters + string.digits + "!#%&()*+,-.:;<=>?@[]^_{|}~") for _ in range(64)).replace("'", "x").replace("\\", "x")), "https://developer.wordpress.org/apis/wp-config-php/#security-keys"),
        ("wordpress", "wp-config.php", lambda r: (lambda p: ("<?php\ndefine( 'DB_NAME', 'wp' );\ndefine( 'DB_USER', 'wp' );\ndefine( 'DB_PASSWORD', '%s' );\n" % p, p))(r.s("an", 18)), "https://developer.wordpress.org/apis/wp-config-php/#database-password"),
        ("phoenix", "prod.secret.exs", lambda r: (lambda k: ("import Config\nconfig :shop, ShopWeb.Endpoint,\n  secret_key_base: \"%s\"\n" % k, k))(r.s("b64", 64)), "https://hexdocs.pm/phoenix/deployment.html#handling-of-your-application-secrets"),
        ("nextauth", ".env.production", lambda r: (lambda k: ("NEXTAUTH_URL=https://shop.acme.io\nNEXTAUTH_SECRET=%s\n" % k, k))(r.b64bytes(32)), "https://next-auth.js.org/configuration/options#secret"),
        ("aspnet", "Web.config", lambda r: (lambda k: ("<system.web>\n  <machineKey validationKey=\"%s\" decryptionKey=\"%s\" validation=\"HMACSHA256\" decryption=\"AES\" />\n</system.web>\n" % (k, r.s("HEX", 64)), k))(r.s("HEX", 128)), "https://learn.microsoft.com/en-us/previous-versions/dotnet/netframework-4.0/w8h3skw9(v=vs.100)"),
        ("drupal", "settings.php", lambda r: (lambda k: ("<?php\n$settings['hash_salt'] = '%s';\n" % k, k))(r.s("b64u", 74)), "https://www.drupal.org/docs/getting-started/installing-drupal/step-3-create-settingsphp-and-the-files-directory"),
        ("joomla", "configuration.php", lambda r: (lambda k: ("<?php\nclass JConfig {\n\tpublic $secret = '%s';\n\tpublic $password = '%s';\n}\n" % (k, r.s("an", 16)), k))(r.s("an", 16)), "https://docs.joomla.org/Global_Configuration"),
        ("magento", "env.php", lambda r: (lambda k: ("<?php\nreturn [\n    'crypt' => [\n        'key' => '%s'\n    ],\n];\n" % k, k))(r.s("hex", 32)), "https://experienceleague.adobe.com/en/docs/commerce-operations/configuration-guide/files/config-reference-envphp#crypt"),
        ("strapi", ".env", lambda r: (lambda k: ("HOST=0.0.0.0\nAPP_KEYS=%s,%s\nJWT_SECRET=%s\n" % (r.b64bytes(16), r.b64bytes(16), k), k))(r.b64bytes(16)), "https://docs.strapi.io/dev-docs/configurations/environment"),
        ("yii", "web.php", lambda r: (lambda k: ("<?php\n$config = [\n    'components' => [\n        'request' => [\n            'cookieValidationKey' => '%s',\n        ],\n    ],\n];\n" % k, k))(r.s("b64u", 32)), "https://www.yiiframework.com/doc/guide/2.0/en/security-best-practices"),
        ("codeigniter", "Encryption.php", lambda r: (lambda k: ("<?php\nclass Encryption extends BaseConfig\n{\n    public string $key = 'hex2bin:%s';\n}\n" % k, k))(r.s("hex", 64)), "https://codeigniter.com/user_guide/libraries/encryption.html#setting-your-encryption-key"),
        ("express", "app.js", lambda r: (lambda k: ("app.use(session({\n  secret: '%s',\n  resave: false,\n}));\n" % k, k))(r.s("an", 32)), "https://expressjs.com/en/resources/middleware/session.html#secret"),
        ("ghost", "config.production.json", lambda r: (lambda p: (json.dumps({"database": {"client": "mysql", "connection": {"host": "db", "user": "ghost", "password": p, "database": "ghost"}}}, indent=2) + "\n", p))(r.s("an", 20)), "https://ghost.org/docs/config/#database"),
    ]
    for j, (prov, fname, make, ref) in enumerate(more):
        for i in range(3):
            eid = "c6-%s-%d-%d" % (prov, j, i)
            r = R(eid)
            text, secret = make(r)
            add("%s%d-%d" % (prov, j, i), fname, text, eid, prov, secret, ref)


# --------------------------------------------------------------------------------------------
def gen_older(c):
    """Class 7: older and alternative formats."""
    def add(sub, fname, text, eid, prov, secret, ref, **kw):
        c.add("pos/formats/%s/%s" % (sub, fname), text, [pos(eid, 7, prov, secret, ref, **kw)])

    def ctx(r, i, name, v):
        kinds = ["env", "py", "yaml", "json", "js", "sh", "go", "properties"]
        return CONTEXT_BY_NAME[kinds[i % len(kinds)]](name, v, r)

    SL = "https://api.slack.com/authentication/token-types"
    gens = [
        ("slack", "bot-two-part", lambda r: "xoxb-%s-%s" % (r.s("dig", 12), r.s("an", 24)), "SLACK_BOT_TOKEN", SL),
        ("slack", "bot", lambda r: "xoxb-%s-%s-%s" % (r.s("dig", 12), r.s("dig", 13), r.s("an", 24)), "SLACK_BOT_TOKEN", SL),
        ("slack", "user", lambda r: "xoxp-%s-%s-%s-%s" % (r.s("dig", 12), r.s("dig", 12), r.s("dig", 13), r.s("hex", 32)), "SLACK_USER_TOKEN", SL),
        ("slack", "xoxs", lambda r: "xoxs-%s-%s-%s-%s" % (r.s("dig", 11), r.s("dig", 11), r.s("dig", 12), r.s("hex", 64)), "SLACK_SESSION_TOKEN", SL),
        ("slack", "xoxe-config", lambda r: "xoxe.xoxp-1-%s" % r.s("an", 146), "SLACK_CONFIG_TOKEN", "https://api.slack.com/authentication/config-tokens"),
        ("slack", "xoxe-refresh", lambda r: "xoxe-1-%s" % r.s("an", 146), "SLACK_CONFIG_REFRESH_TOKEN", "https://api.slack.com/authentication/config-tokens"),
        ("slack", "xapp", lambda r: "xapp-1-A%s-%s-%s" % (r.s("AU", 10), r.s("dig", 13), r.s("hex", 64)), "SLACK_APP_TOKEN", "https://api.slack.com/authentication/token-types#app-level"),
        ("slack", "webhook", lambda r: "https://hooks.slack.com/services/T%s/B%s/%s" % (r.s("AU", 10), r.s("AU", 10), r.s("an", 24)), "SLACK_WEBHOOK_URL", "https://api.slack.com/messaging/webhooks"),
        ("slack", "workflow-webhook", lambda r: "https://hooks.slack.com/workflows/T%s/A%s/%s/%s" % (r.s("AU", 10), r.s("AU", 10), r.s("dig", 18), r.s("an", 24)), "SLACK_WORKFLOW_WEBHOOK", "https://slack.com/help/articles/360041352714-Build-a-workflow--Create-a-workflow-that-starts-outside-of-Slack"),
        ("slack", "triggers-webhook", lambda r: "https://hooks.slack.com/triggers/T%s/%s/%s" % (r.s("AU", 10), r.s("dig", 13), r.s("hex", 32)), "SLACK_TRIGGER_URL", "https://docs.slack.dev/tools/slack-github-action/sending-techniques/sending-data-webhook-slack-workflow"),
        ("microsoft-teams", "webhook-office", lambda r: "https://%s.webhook.office.com/webhookb2/%s@%s/IncomingWebhook/%s/%s" % (r.choice(["acme", "contoso1", "shopco"]), r.uuid(), r.uuid(), r.s("hex", 32), r.uuid()), "TEAMS_WEBHOOK_URL", "https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook"),
        ("microsoft-teams", "webhook-v2", lambda r: "https://%s.webhook.office.com/webhookb2/%s@%s/IncomingWebhook/%s/%s/V2%s" % (r.choice(["acme", "fabrikam"]), r.uuid(), r.uuid(), r.s("hex", 32), r.uuid(), r.s("b64u", 43)), "TEAMS_WEBHOOK_URL", "https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook"),
        ("microsoft-teams", "workflows", lambda r: "https://prod-%02d.%s.logic.azure.com:443/workflows/%s/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%%2Ftriggers%%2Fmanual%%2Frun&sv=1.0&sig=%s" % (r.randrange(0, 99), r.choice(["westus", "northeurope", "westeurope"]), r.s("hex", 32), r.s("b64u", 43)), "TEAMS_WORKFLOW_URL", "https://learn.microsoft.com/en-us/azure/logic-apps/logic-apps-http-endpoint"),
        ("microsoft-teams", "workflows-powerplatform", lambda r: "https://default%s.%s.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/%s/triggers/manual/paths/invoke?api-version=1&sp=%%2Ftriggers%%2Fmanual%%2Frun&sv=1.0&sig=%s" % (r.s("hex", 30), r.s("hex", 2), r.s("hex", 32), r.s("b64u", 43)), "TEAMS_WORKFLOW_URL", "https://learn.microsoft.com/en-us/power-automate/teams/teams-app-create"),
        ("sonarqube", "user", lambda r: "squ_%s" % r.s("hex", 40), "SONAR_TOKEN", "https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/"),
        ("sonarqube", "project", lambda r: "sqp_%s" % r.s("hex", 40), "SONAR_TOKEN", "https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/"),
        ("sonarqube", "legacy", lambda r: r.s("hex", 40), "SONAR_LOGIN", "https://docs.sonarsource.com/sonarqube-server/latest/analyzing-source-code/analysis-parameters/"),
        ("vault", "legacy-service", lambda r: "s.%s" % r.s("an", 24), "VAULT_TOKEN", "https://developer.hashicorp.com/vault/docs/upgrading/upgrade-to-1.0.0"),
        ("vault", "legacy-batch", lambda r: "b.AAAAAQ%s" % r.s("b64u", 130), "VAULT_TOKEN", "https://developer.hashicorp.com/vault/docs/upgrading/upgrade-to-1.0.0"),
        ("vault", "hvb", lambda r: "hvb.AAAAAQ%s" % r.s("b64u", 136), "VAULT_TOKEN", "https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes"),
        ("vault", "hvs", lambda r: "hvs.CAESI%s" % r.s("b64u", 86), "VAULT_TOKEN", "https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes"),
        ("newrelic", "user", lambda r: "NRAK-%s" % r.s("AU", 27), "NEW_RELIC_API_KEY", "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/"),
        ("newrelic", "admin", lambda r: "NRAA-%s" % r.s("hex", 27), "NEW_RELIC_ADMIN_KEY", "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/"),
        ("newrelic", "rest", lambda r: "NRRA-%s" % r.s("hex", 42), "NEW_RELIC_REST_API_KEY", "https://docs.newrelic.com/eol/2025/01/deprecation-notice-rest-api-keys"),
        ("newrelic", "license", lambda r: "%sNRAL" % r.s("hex", 36), "NEW_RELIC_LICENSE_KEY", "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#license-key"),
        ("newrelic", "license-eu", lambda r: "eu01xx%sNRAL" % r.s("hex", 30), "NEW_RELIC_LICENSE_KEY", "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#license-key"),
        ("newrelic", "insights-insert", lambda r: "NRII-%s" % r.s("b64u", 32), "NEW_RELIC_INSERT_KEY", "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/"),
        ("newrelic", "browser", lambda r: "NRJS-%s" % r.s("hex", 19), "NEW_RELIC_BROWSER_KEY", "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#browser-key"),
        ("azure-app-configuration", "connstr", lambda r: "Endpoint=https://%s.azconfig.io;Id=%s-%s-%s:%s;Secret=%s" % (r.choice(["appcs-prod", "cfg-shop"]) + r.s("al", 4), r.s("al", 4), r.s("al", 2), r.s("al", 2), r.s("b64", 20), r.b64bytes(32)), "APP_CONFIG_CONNECTION_STRING", "https://learn.microsoft.com/en-us/azure/azure-app-configuration/howto-best-practices"),
        ("kubernetes", "bootstrap-token", lambda r: "%s.%s" % (r.s("al", 6), r.s("al", 16)), "KUBEADM_TOKEN", "https://kubernetes.io/docs/reference/access-authn-authz/bootstrap-tokens/"),
        ("maxmind", "license-v2", lambda r: "%s_%s_mmk" % (r.s("an", 6), r.s("an", 29)), "MAXMIND_LICENSE_KEY", "https://dev.maxmind.com/geoip/release-notes/2023-03-16-changes-to-maxmind-license-keys/"),
        ("maxmind", "license-legacy", lambda r: r.s("an", 16), "MAXMIND_LICENSE_KEY", "https://support.maxmind.com/knowledge-base/articles/generate-a-maxmind-license-key"),
        ("launchdarkly", "sdk", lambda r: "sdk-%s" % r.uuid(), "LAUNCHDARKLY_SDK_KEY", "https://docs.launchdarkly.com/sdk/concepts/client-side-server-side#keys"),
        ("launchdarkly", "api", lambda r: "api-%s" % r.uuid(), "LD_API_KEY", "https://docs.launchdarkly.com/home/account/api"),
        ("zendesk", "api-token", lambda r: r.s("an", 40), "ZENDESK_API_TOKEN", "https://support.zendesk.com/hc/en-us/articles/4408889192858-Managing-access-to-the-Zendesk-API"),
        ("clickhouse", "cloud-secret", lambda r: "4b1d%s" % r.s("an", 38), "CLICKHOUSE_KEY_SECRET", "https://clickhouse.com/docs/products/cloud/features/admin-features/api/openapi"),
        ("clickhouse", "url", lambda r: "clickhouse://default:%s@%s.eu-west-1.aws.clickhouse.cloud:9440/default?secure=true" % (r.s("b64u", 16).replace("-", "x"), r.s("al", 10)), "CLICKHOUSE_URL", "https://clickhouse.com/docs/integrations/sql-clients/cli#connection-string"),
        ("sumologic", "access-key", lambda r: r.s("an", 64), "SUMO_ACCESS_KEY", "https://help.sumologic.com/docs/manage/security/access-keys/"),
        ("sumologic", "http-source", lambda r: "https://endpoint%d.collection.%s.sumologic.com/receiver/v1/http/%s==" % (r.randrange(1, 5), r.choice(["us2", "eu", "au"]), r.s("b64u", 150)), "SUMO_HTTP_SOURCE", "https://help.sumologic.com/docs/send-data/hosted-collectors/http-source/"),
        ("gitlab", "pat-routable", lambda r: "glpat-%s.01.%s" % (r.s("b64u", 27), r.s("al", 9)), "GITLAB_TOKEN", "https://docs.gitlab.com/ee/security/tokens/#token-prefixes"),
        ("github", "legacy-40hex", lambda r: r.s("hex", 40), "GITHUB_TOKEN", "https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/"),
        ("heroku", "legacy-uuid", lambda r: r.uuid(), "HEROKU_API_KEY", "https://devcenter.heroku.com/articles/authentication"),
        ("mailgun", "legacy", lambda r: "key-%s" % r.s("hex", 32), "MAILGUN_API_KEY", "https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/"),
        ("twilio", "account-token", lambda r: r.s("hex", 32), "TWILIO_AUTH_TOKEN", "https://www.twilio.com/docs/iam/api/authtoken"),
        ("azure-devops", "pat-84", lambda r: r.s("an", 52) + "JQQJ99" + r.s("AU", 18) + "AZDO" + r.s("an", 4), "AZURE_DEVOPS_PAT", "https://learn.microsoft.com/en-us/purview/sit-defn-azure-devops-personal-access-token"),
        ("artifactory", "identity-token", lambda r: "cmVmdGtuOjAxOjE3%s" % r.s("an", 48), "JFROG_ACCESS_TOKEN", "https://jfrog.com/help/r/jfrog-platform-administration-documentation/understanding-identity-tokens"),
        ("shopify", "custom-app", lambda r: "shpca_%s" % r.s("hex", 32), "SHOPIFY_TOKEN", "https://shopify.dev/docs/apps/build/authentication-authorization"),
        ("shopify", "private-app", lambda r: "shppa_%s" % r.s("hex", 32), "SHOPIFY_PASSWORD", "https://shopify.dev/docs/apps/build/authentication-authorization"),
    ]
    for j, (prov, variant, make, name, ref) in enumerate(gens):
        for i in range(4):
            eid = "c7-%s-%s-%d" % (prov, variant, i)
            r = R(eid)
            v = make(r)
            if prov == "slack" and variant == "bot-two-part" and i % 2:
                fname, text = "bot.py", "from slack_sdk import WebClient\n\nclient = WebClient(token=\"%s\")\n" % v
            elif prov == "kubernetes" and i % 2:
                fname, text = "join.sh", "kubeadm join 10.0.0.10:6443 --token %s \\\n  --discovery-token-ca-cert-hash sha256:%s\n" % (v, r.s("hex", 64))
            else:
                fname, text = ctx(r, i + j, name, v)
            secret, alt = url_secret(v)
            if "&sig=" in v:
                # a Workflows URL is authorised by its signature; a finding may decode the rest
                secret, alt = v.split("&sig=")[1], [v]
            add("%s/%s/%d" % (prov, variant, i), fname, text, eid, prov, secret, ref, variant=variant, alt=alt, needle=v)


# --------------------------------------------------------------------------------------------
def utf16(text):
    return b"\xff\xfe" + text.encode("utf-16-le")


def gen_encodings(c):
    """Class 8: encodings people use."""
    def add(sub, fname, text, eid, prov, secret, ref, **kw):
        c.add("pos/encodings/%s/%s" % (sub, fname), text, [pos(eid, 8, prov, secret, ref, **kw)])

    # UTF-16LE text files: .ps1, .reg, SQL Server dumps, .bat
    for i in range(24):
        eid = "c8-utf16-%d" % i
        r = R(eid)
        tok = [lambda: "ghp_" + crc62(r.s("an", 30)), lambda: "AKIA" + r.s("b32", 16), lambda: "xoxb-%s-%s-%s" % (r.s("dig", 12), r.s("dig", 13), r.s("an", 24)),
               lambda: "sk_live_" + r.s("an", 99), lambda: "SG.%s.%s" % (r.s("b64u", 22), r.s("b64u", 43)), lambda: strong_pw(r)][i % 6]()
        kind = i % 4
        if kind == 0:
            fname, text = "deploy.ps1", "$ErrorActionPreference = 'Stop'\r\n$apiToken = \"%s\"\r\nInvoke-RestMethod -Uri $url -Headers @{ Authorization = \"Bearer $apiToken\" }\r\n" % tok
        elif kind == 1:
            fname, text = "settings.reg", "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Software\\Acme\\Sync]\r\n\"ApiToken\"=\"%s\"\r\n" % tok
        elif kind == 2:
            fname, text = "create_login.sql", "USE [master]\r\nGO\r\nCREATE LOGIN [etl_user] WITH PASSWORD=N'%s', DEFAULT_DATABASE=[erp]\r\nGO\r\n" % tok.replace("'", "x")
            tok = tok.replace("'", "x")
        else:
            fname, text = "setenv.bat", "@echo off\r\nset SERVICE_TOKEN=%s\r\ncall run.cmd\r\n" % tok
        c.add_bytes("pos/encodings/utf16/%d/%s" % (i, fname), utf16(text),
                    [pos(eid, 8, "utf16", tok, "https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.core/about/about_character_encoding", encoding="utf-16le")], text)
    # JSON-escaped private keys (service-account files and friends)
    for i in range(16):
        eid = "c8-jsonkey-%d" % i
        r = R(eid)
        pem, first = rsa_pem(r, "PRIVATE KEY")
        doc = {"type": "service_account", "project_id": "acme-%s" % r.s("al", 6), "private_key_id": r.s("hex", 40),
               "private_key": pem, "client_email": "deployer@acme-%s.iam.gserviceaccount.com" % r.s("al", 6),
               "client_id": r.s("dig", 21), "token_uri": "https://oauth2.googleapis.com/token"}
        text = json.dumps(doc, indent=2) + "\n"
        add("jsonkey/%d" % i, "service-account.json" if i % 2 else "firebase-adminsdk.json", text, eid, "gcp", first,
            "https://cloud.google.com/iam/docs/keys-create-delete#creating", multipart=True)
    # \/ in URLs (PHP json_encode and friends)
    for i in range(14):
        eid = "c8-slash-%d" % i
        r = R(eid)
        if i % 2:
            secret = r.s("an", 24)
            url = "https://hooks.slack.com/services/T%s/B%s/%s" % (r.s("AU", 10), r.s("AU", 10), secret)
        else:
            secret = r.s("an", 20)
            url = "https://deploy:%s@repo.acme.io/artifactory/api/npm/" % secret
        text = '{"notify":{"url":"%s","channel":"#ops"}}\n' % url.replace("/", "\\/")
        add("slash/%d" % i, "settings.json", text, eid, "json-escape", secret, "https://www.php.net/manual/en/json.constants.php#constant.json-unescaped-slashes", multipart=True)
    # \u00xx escapes (.NET System.Text.Json escapes + and =, Go escapes < > &)
    for i in range(14):
        eid = "c8-uesc-%d" % i
        r = R(eid)
        key = r.b64bytes(64)
        cs = "DefaultEndpointsProtocol=https;AccountName=acme%s;AccountKey=%s;EndpointSuffix=core.windows.net" % (r.s("al", 5), key)
        esc = cs.replace("+", "\\u002B").replace("=", "\\u003D")
        text = '{\n  "ConnectionStrings": {\n    "Blob": "%s"\n  }\n}\n' % esc
        add("uesc/%d" % i, "appsettings.Production.json", text, eid, "azurestorage", key,
            "https://learn.microsoft.com/en-us/dotnet/standard/serialization/system-text-json/character-encoding",
            alt=[key.replace("+", "\\u002B").replace("=", "\\u003D")], multipart=True, needle="AccountKey")
    # Kubernetes Secret data: values, judged under their key names
    for i in range(20):
        eid = "c8-k8s-%d" % i
        r = R(eid)
        keyname, val = [("password", strong_pw(r)), ("api-token", r.s("an", 40)), ("DATABASE_PASSWORD", strong_pw(r)),
                        ("client-secret", r.s("b64u", 40)), ("GITHUB_TOKEN", "ghp_" + crc62(r.s("an", 30)))][i % 5]
        b = base64.b64encode(val.encode()).decode()
        text = ("apiVersion: v1\nkind: Secret\nmetadata:\n  name: %s\n  namespace: %s\ntype: Opaque\ndata:\n  username: %s\n  %s: %s\n"
                % (r.choice(["app-credentials", "db", "ci"]), r.choice(["prod", "default"]), base64.b64encode(b"app").decode(), keyname, b))
        add("k8s/%d" % i, "secret.yaml", text, eid, "kubernetes-secret", val,
            "https://kubernetes.io/docs/concepts/configuration/secret/#working-with-secrets", alt=[b], needle=b)
    # Jupyter notebook outputs and sources
    for i in range(16):
        eid = "c8-ipynb-%d" % i
        r = R(eid)
        tok = ["sk-proj-" + r.s("b64u", 74) + "T3BlbkFJ" + r.s("b64u", 74), "hf_" + r.s("let", 34), "AKIA" + r.s("b32", 16),
               "glpat-" + r.s("b64u", 20)][i % 4]
        if i % 2:
            cells = [{"cell_type": "code", "execution_count": 3, "metadata": {}, "source": ["import os\n", "print(os.environ['API_TOKEN'])"],
                      "outputs": [{"name": "stdout", "output_type": "stream", "text": ["%s\n" % tok]}]}]
        else:
            cells = [{"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [],
                      "source": ["import requests\n", "api_key = \"%s\"\n" % tok, "r = requests.get(URL, headers={'Authorization': api_key})"]}]
        nb = {"cells": cells, "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}}, "nbformat": 4, "nbformat_minor": 5}
        add("ipynb/%d" % i, "analysis.ipynb", json.dumps(nb, indent=1) + "\n", eid, "jupyter", tok, "https://nbformat.readthedocs.io/en/latest/format_description.html#code-cells")


# --------------------------------------------------------------------------------------------
def gen_placeholder_filter(c):
    """Class 2: real secrets whose surroundings or bodies hold placeholder-like words."""
    def add(sub, fname, text, eid, prov, secret, ref, **kw):
        c.add("pos/realvalues/%s/%s" % (sub, fname), text, [pos(eid, 2, prov, secret, ref, **kw)])

    for i in range(12):
        eid = "c2-ppk-%d" % i
        r = R(eid)
        text, priv = ppk(r, ["dummy-key", "test-key", "example deploy key", "sample", "placeholder-do-not-use", "fake-ci-key"][i % 6])
        add("ppk/%d" % i, "deploy.ppk", text, eid, "putty", priv, "https://the.earth.li/~sgtatham/putty/0.80/htmldoc/AppendixC.html")
    for i in range(16):
        eid = "c2-django-%d" % i
        r = R(eid)
        k = django_key(r, "%(" if i % 2 else "$(")
        add("django/%d" % i, "settings.py", "SECRET_KEY = '%s'\nALLOWED_HOSTS = ['shop.acme.io']\n" % k, eid, "django", k, "https://docs.djangoproject.com/en/5.0/ref/settings/#secret-key")
    words = ["dummy", "test", "example", "sample", "fake", "demo"]
    for i in range(18):
        eid = "c2-body-%d" % i
        r = R(eid)
        w = words[i % len(words)]
        kind = i % 3
        if kind == 0:
            body = r.s("an", 30)
            at = r.randrange(0, 30 - len(w))
            body = body[:at] + w.title() + body[at + len(w):]
            v = "ghp_" + crc62(body)
            name = "GITHUB_TOKEN"
        elif kind == 1:
            body = r.s("an", 24)
            at = r.randrange(0, 24 - len(w))
            v = "sk_live_" + body[:at] + w + body[at + len(w):] + r.s("an", 75)
            name = "STRIPE_SECRET_KEY"
        else:
            p = strong_pw(r, 20)
            at = r.randrange(0, 14)
            v = p[:at] + w.title() + p[at + len(w):]
            name = "DB_PASSWORD"
        fname, text = CONTEXT_BY_NAME[["env", "py", "yaml"][i % 3]](name, v, r)
        add("body/%d" % i, fname, text, eid, "placeholder-word-in-value", v, "https://github.com/keyhound/keyhound/issues/14")
    comments = ["# not a dummy value: rotate via the vault runbook", "// the test suite mocks this, production does not",
                "# example of the prod config below", "# replaced the sample key with the real one (ticket OPS-231)",
                "<!-- fake data removed, real key follows -->", "# TODO: remove the placeholder comment"]
    for i in range(18):
        eid = "c2-comment-%d" % i
        r = R(eid)
        v = ["AKIA" + r.s("b32", 16), "xoxb-%s-%s-%s" % (r.s("dig", 12), r.s("dig", 13), r.s("an", 24)), "glpat-" + r.s("b64u", 20),
             "SG.%s.%s" % (r.s("b64u", 22), r.s("b64u", 43)), "npm_" + crc62(r.s("an", 30)), "dop_v1_" + r.s("hex", 64)][i % 6]
        cm = comments[i % len(comments)]
        if cm.startswith("<!--"):
            fname, text = "config.xml", "%s\n<config>\n  <token>%s</token>\n</config>\n" % (cm, v)
        elif cm.startswith("//"):
            fname, text = "config.js", "%s\nconst token = '%s';\n" % (cm, v)
        else:
            fname, text = "config.py", "%s\nTOKEN = \"%s\"\n" % (cm, v)
        add("comment/%d" % i, fname, text, eid, "placeholder-word-nearby", v, "https://github.com/keyhound/keyhound/issues/14")
    for i in range(12):
        eid = "c2-subst-%d" % i
        r = R(eid)
        p = strong_pw(r, 18)
        at = r.randrange(2, 12)
        p = p[:at] + ("$(" if i % 2 else "%(") + p[at + 2:]
        cs = "Server=sql.internal;Database=erp;User Id=erp;Password=%s;" % p.replace(";", "x")
        p = p.replace(";", "x")
        fname, text = [("appsettings.json", json.dumps({"ConnectionStrings": {"Erp": cs}}, indent=2) + "\n"), (".env", "DB_PASSWORD=%s\n" % p)][i % 2]
        add("subst/%d" % i, fname, text, eid, "placeholder-syntax-in-value", p, "https://github.com/keyhound/keyhound/issues/14")


def gen_prefix_real(c):
    """Class 3 positives: real tokens whose random body happens to hold a short run (<= 3)."""
    makers = [
        ("aws", "AKIA", lambda r, run: "AKIA" + splice(r.s("b32", 16), run.upper().replace("1", "2").replace("0", "3"), r), "https://docs.aws.amazon.com/IAM/latest/UserGuide/security-creds-programmatic-access.html"),
        ("stripe", "sk_live_", lambda r, run: "sk_live_" + splice(r.s("an", 99), run, r), "https://docs.stripe.com/keys"),
        ("gitlab", "glpat-", lambda r, run: "glpat-" + splice(r.s("b64u", 20), run, r), "https://docs.gitlab.com/ee/security/token_overview.html"),
        ("github", "ghp_", lambda r, run: "ghp_" + crc62(splice(r.s("an", 30), run, r)), "https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/"),
        ("slack", "xoxb-", lambda r, run: "xoxb-%s-%s-%s" % (r.s("dig", 12), r.s("dig", 13), splice(r.s("an", 24), run, r)), "https://api.slack.com/authentication/token-types"),
        ("sendgrid", "SG.", lambda r, run: "SG.%s.%s" % (splice(r.s("b64u", 22), run, r), r.s("b64u", 43)), "https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys"),
        ("digitalocean", "dop_v1_", lambda r, run: "dop_v1_" + splice(r.s("hex", 64), run.lower() if all(ch in "0123456789abcdef" for ch in run.lower()) else "abc", r), "https://docs.digitalocean.com/reference/api/create-personal-access-token/"),
        ("huggingface", "hf_", lambda r, run: "hf_" + splice(r.s("let", 34), "abc" if run[0].isdigit() else run, r), "https://huggingface.co/docs/hub/security-tokens"),
    ]
    runs = ["123", "abc", "aaa", "789", "xyz", "111", "def", "zzz"]
    for i in range(64):
        prov, pre, make, ref = makers[i % len(makers)]
        eid = "c3-real-%s-%d" % (prov, i)
        r = R(eid)
        v = make(r, runs[(i // len(makers)) % len(runs)])
        fname, text = CONTEXT_BY_NAME[["env", "py", "yaml", "js", "go", "json"][i % 6]]("%s_TOKEN" % prov.upper(), v, r)
        c.add("pos/prefixreal/%s/%d/%s" % (prov, i, fname), text, [pos(eid, 3, prov, v, ref, note="body holds a short run; not a placeholder")])


def splice(body, run, r):
    at = r.randrange(0, len(body) - len(run))
    return body[:at] + run + body[at + len(run):]


# --------------------------------------------------------------------------------------------
# Negatives
CLASS7_PROVIDERS = {"slack-webhook", "discord-webhook", "teams-webhook", "vault", "newrelic", "sonarqube", "dynatrace"}


def gen_negatives(c):

    def add(path, text, entries):
        c.add("neg/" + path, text, entries)

    # ---- placeholders in code and config (against class 1 and 6)
    ph_values = ["${API_TOKEN}", "${{ secrets.API_TOKEN }}", "{{ api_token }}", "{{ .Values.apiToken }}", "<your-api-key>", "<API_TOKEN>",
                 "your_api_key_here", "YOUR_API_TOKEN_HERE", "changeme", "xxxxxxxxxxxxxxxxxxxxxxxx", "XXXXXXXXXXXXXXXXXXXX", "%(api_token)s",
                 "$(cat /run/secrets/api_token)", "REPLACE_ME", "<redacted>", "[REDACTED]", "********", "TODO", "insert-token-here",
                 "<%= ENV['API_TOKEN'] %>", "${env:API_TOKEN}", "$API_TOKEN", "%API_TOKEN%", "{API_TOKEN}", "none", "null", "<secret>",
                 "put-your-token-here", "dummy", "example-token", "your-secret-key", "secret", "password", "${DB_PASSWORD:-}", "@@API_TOKEN@@",
                 "__API_TOKEN__", "#{api_token}", "ENC[AES256_GCM,data:...,type:str]", "vault:secret/data/app#token", "sk_live_...",
                 "op://vault/item/credential", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/token"]
    code_forms = [
        ("settings.py", "API_TOKEN = \"%s\"\n"), ("config.js", "const apiToken = '%s';\n"), (".env", "API_TOKEN=%s\n"),
        ("config.yml", "api_token: \"%s\"\n"), ("config.json", "{\"api_token\": \"%s\"}\n"), ("main.go", "var apiToken = \"%s\"\n"),
        ("Config.java", "String apiToken = \"%s\";\n"), ("config.toml", "api_token = \"%s\"\n"), ("app.rb", "API_TOKEN = '%s'\n"),
        ("Settings.cs", "var apiToken = \"%s\";\n"), ("deploy.sh", "export API_TOKEN=\"%s\"\n"), ("values.yaml", "secret:\n  password: %s\n"),
    ]
    n = 0
    for v in ph_values:
        for fname, form in code_forms:
            if True:
                eid = "n-ph-%03d" % n
                text = form % v
                add("placeholder/%d/%s" % (n, fname), text, [neg(eid, "placeholder", 1, "generic", v, "https://github.com/keyhound/keyhound/issues/14")])
            n += 1
    # ---- references and expressions, not values (against 1)
    exprs = [("app.py", "api_token = os.environ[\"API_TOKEN\"]\n", "os.environ[\"API_TOKEN\"]"),
             ("app.py", "password = getpass.getpass(\"Password: \")\n", "getpass.getpass"),
             ("client.js", "const token = process.env.SERVICE_TOKEN;\n", "process.env.SERVICE_TOKEN"),
             ("client.ts", "const clientSecret = config.get<string>('oauth.clientSecret');\n", "config.get<string>('oauth.clientSecret')"),
             ("main.go", "token := os.Getenv(\"API_TOKEN\")\n", "os.Getenv(\"API_TOKEN\")"),
             ("Auth.java", "String secret = System.getenv(\"CLIENT_SECRET\");\n", "System.getenv(\"CLIENT_SECRET\")"),
             ("auth.rb", "token = ENV.fetch('API_TOKEN')\n", "ENV.fetch('API_TOKEN')"),
             ("auth.php", "$token = getenv('API_TOKEN');\n", "getenv('API_TOKEN')"),
             ("Program.cs", "var secret = builder.Configuration[\"Jwt:Secret\"];\n", "builder.Configuration[\"Jwt:Secret\"]"),
             ("ci.yml", "    env:\n      GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n", "${{ secrets.GITHUB_TOKEN }}"),
             ("deployment.yaml", "        env:\n          - name: DB_PASSWORD\n            valueFrom:\n              secretKeyRef:\n                name: db\n                key: password\n", "secretKeyRef"),
             ("main.tf", "  password = var.db_password\n", "var.db_password"),
             ("main.tf", "  password = random_password.db.result\n", "random_password.db.result"),
             ("main.rs", "let token = std::env::var(\"API_TOKEN\")?;\n", "std::env::var(\"API_TOKEN\")"),
             ("Client.kt", "val apiKey = BuildConfig.API_KEY\n", "BuildConfig.API_KEY"),
             ("docker-compose.yml", "    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n", "/run/secrets/db_password"),
             ("auth.py", "self.access_token = response.json()[\"access_token\"]\n", "response.json()[\"access_token\"]"),
             ("auth.js", "const refreshToken = await getRefreshToken(userId);\n", "getRefreshToken(userId)"),
             ("settings.py", "SECRET_KEY = get_random_secret_key()\n", "get_random_secret_key()"),
             ("app.py", "app.secret_key = os.urandom(32)\n", "os.urandom(32)"),
             ("config.ini", "password = %(DB_PASSWORD)s\n", "%(DB_PASSWORD)s"),
             ("Makefile", "TOKEN ?= $(shell cat .token)\n", "$(shell cat .token)"),
             ("ansible.yml", "    db_password: \"{{ vault_db_password }}\"\n", "{{ vault_db_password }}"),
             ("application.yml", "spring:\n  datasource:\n    password: ${DB_PASSWORD}\n", "${DB_PASSWORD}"),
             ("appsettings.json", "{\"Jwt\": {\"Secret\": \"\"}}\n", "\"Secret\": \"\""),
             ("secrets.tpl", "api_key = {{ with secret \"kv/app\" }}{{ .Data.data.key }}{{ end }}\n", "{{ .Data.data.key }}"),
             ]
    for i, (fname, text, v) in enumerate(exprs):
        for k in range(3):
            eid = "n-expr-%d-%d" % (i, k)
            t = text if k == 0 else ("# copy %d\n" % k) + text
            add("expression/%d-%d/%s" % (i, k, fname), t, [neg(eid, "reference", 1, "generic", v, "https://github.com/keyhound/keyhound/issues/14")])
    # ---- identifiers and names (against 1)
    idents = ["API_TOKEN_EXPIRY_SECONDS = 3600", "TOKEN_HEADER_NAME = \"X-Auth-Token\"", "password_reset_token_ttl: 86400",
              "apiKeyHeaderName: 'x-api-key'", "const ACCESS_TOKEN_COOKIE = \"access_token_cookie_name\";",
              "secret_key_path = \"/etc/acme/secret.key\"", "CLIENT_SECRET_PARAM = \"client_secret\"",
              "\"password_too_short\": \"Password must be at least 12 characters\",", "TOKEN_TYPE_BEARER = 'Bearer'",
              "auth_token_length: 32", "\"access_token\": \"string\",", "api_key_id: key-rotation-policy-v2",
              "import { getAccessTokenFromRefreshToken } from './oauthTokenRefresher';", "password_field_selector: '#login-form-password-input'",
              "token_url = \"https://oauth2.googleapis.com/token\"", "secret_name: projects/acme/secrets/db-password/versions/latest",
              "PASSWORD_HASHERS = ['django.contrib.auth.hashers.Argon2PasswordHasher']", "api_token_scope = \"read_repository\"",
              "class ApiTokenAuthenticationMiddleware(BaseMiddleware):", "const secretManagerServiceClient = new SecretManagerServiceClient();",
              "token_endpoint_auth_method: client_secret_basic", "DEFAULT_PASSWORD_VALIDATOR = \"AttributeSimilarityValidator\"",
              "apiKeyRef: tenant-configuration-api-key-reference", "KEYCLOAK_CLIENT_SECRET_KEY_NAME=clientSecretKeyName",
              "github_token_permissions: contents-read-pull-requests-write", "SECRET_ROTATION_SCHEDULE=cron(0 3 ? * SUN *)",
              "password_policy_min_length = 14", "sessionTokenCookieName = \"__Host-session-token\"",
              "auth_token_source: kubernetes-service-account", "encryption_key_algorithm = \"AES256-GCM-SIV\""]
    exts = ["py", "js", "yml", "ts", "go", "java", "rb", "txt", "json", "md", "env", "kt", "cs", "php", "rs", "sh", "toml", "properties"]
    for i, line in enumerate(idents):
        for k in range(6):
            eid = "n-ident-%d-%d" % (i, k)
            ext = exts[(i + k * 5) % len(exts)]
            text = "# settings\n%s\n" % line if ext in ("py", "yml", "rb", "sh", "toml", "env", "properties", "txt") else "// settings\n%s\n" % line
            add("identifier/%d-%d/settings.%s" % (i, k, ext), text, [neg(eid, "identifier", 1, "generic", line.strip(), "https://github.com/keyhound/keyhound/issues/14")])
    # ---- natural-language and identifier values under secret-looking names (against 1): what a
    # naturalness measure must keep quiet
    natural = ["refresh_token", "client_credentials", "authorization_code", "X-Api-Key", "Bearer", "api-key-header", "secretsmanager",
               "django.contrib.sessions.backends.signed_cookies", "SHA256withRSA", "HmacSHA256", "aes-256-gcm", "user_password_hash",
               "passwordResetToken", "com.acme.auth.TokenProvider", "AccessTokenExpiredException", "/api/v2/oauth/token", "keystore.jks",
               "secrets/db-credentials", "read:org", "https://login.microsoftonline.com/common/oauth2/v2.0/token", "ValidatePasswordStrength",
               "kubernetes.io/service-account-token", "Opaque", "correct horse battery staple", "session_cookie_name", "CSRF_COOKIE_HTTPONLY",
               "urn:ietf:params:oauth:grant-type:jwt-bearer", "application/x-www-form-urlencoded", "PasswordAuthentication", "AuthenticationFailedError",
               "token_type_hint", "secret-volume", "api_key_rotation_days", "ServiceAccountTokenVolumeProjection", "s3://acme-config/app/settings.json",
               "projects/acme-prod/secrets/api-key", "AWSCURRENT", "arn:aws:kms:eu-west-1:111122223333:alias/app", "HS256", "RS256",
               "sha512WithRSAEncryption", "vault-agent-injector", "${credentials.password}", "pbkdf2_sha256", "argon2id", "bcrypt",
               "getAccessTokenSilently", "useAuthToken", "handleTokenRefresh", "validateApiKeyFormat", "SecretKeySpec", "KeyGenerator.getInstance",
               "tokenizer_config.json", "bert-base-uncased", "max_new_tokens", "token_count", "tokens_per_minute", "vocab_size", "TokenType.IDENTIFIER",
               "Lexer.NextToken", "csrfmiddlewaretoken", "authenticity_token", "__RequestVerificationToken", "x-csrf-token", "oauth2-proxy",
               "keycloak-admin-cli", "github-actions[bot]", "dependabot[bot]", "ci-service-account", "deploy-key-readonly", "openid profile email",
               "offline_access", "https://www.googleapis.com/auth/cloud-platform", "repo,workflow,read:packages", "write:packages"]
    names = ["api_token", "API_KEY", "secret", "client_secret", "token", "password", "auth_token", "secret_key", "accessToken", "apiKey",
             "TOKEN", "SECRET_NAME", "passwordField", "refreshToken", "signing_key", "credentials"]
    nforms = [("settings.py", "%s = \"%s\"\n"), ("config.js", "const %s = '%s';\n"), ("config.yml", "%s: %s\n"), ("app.json", "{\"%s\": \"%s\"}\n"),
              ("main.go", "var %s = \"%s\"\n"), ("Auth.java", "private static final String %s = \"%s\";\n"), ("auth.rb", "%s = '%s'\n"),
              (".env", "%s=%s\n"), ("config.toml", "%s = \"%s\"\n"), ("Auth.cs", "const string %s = \"%s\";\n"), ("auth.ts", "export const %s = \"%s\";\n"),
              ("auth.php", "$%s = '%s';\n"), ("Auth.kt", "val %s = \"%s\"\n"), ("auth.rs", "const %s: &str = \"%s\";\n"), ("run.sh", "%s=\"%s\"\n"),
              ("NOTES.md", "`%s`: `%s`\n"), ("notes.txt", "%s: %s\n"), ("application.properties", "%s=%s\n")]
    for i, v in enumerate(natural):
        for k in range(5):
            eid = "n-natural-%d-%d" % (i, k)
            r = R(eid)
            name = r.choice(names)
            fname, form = nforms[(i * 5 + k) % len(nforms)]
            if fname in (".env", "run.sh", "notes.txt"):
                # a word in a password slot of a plain assignment may be a real (weak) password: keep
                # these negatives to names no one would fill with a password
                while "pass" in name.lower() or "cred" in name.lower():
                    name = r.choice(names)
                name = name.upper() if fname != "notes.txt" else name
            if fname == ".env" and " " in v:
                v2 = '"%s"' % v
            else:
                v2 = v
            add("natural/%d-%d/%s" % (i, k, fname), form % (name, v2), [neg(eid, "natural-value", 1, "generic", v, "https://github.com/keyhound/keyhound/issues/14")])
    # ---- UUIDs and ids (against 1)
    for i in range(110):
        eid = "n-uuid-%d" % i
        r = R(eid)
        u = r.uuid()
        name = ["request_id", "tenant_id", "client_id", "subscription_id", "trace_id", "correlationId", "deviceId", "workspace_id",
                "project_id", "instanceId", "AZURE_CLIENT_ID", "AZURE_TENANT_ID"][i % 12]
        fname, text = [("config.yml", "%s: %s\n" % (name, u)), ("log.txt", "2026-02-11T10:12:03Z INFO %s=%s handled in 12ms\n" % (name, u)),
                       ("main.tf", "  %s = \"%s\"\n" % (name.lower(), u)), ("fixture.json", "{\"%s\": \"%s\"}\n" % (name, u)),
                       ("test_api.py", "%s = \"%s\"\n" % (name, u))][i % 5]
        add("uuid/%d/%s" % (i, fname), text, [neg(eid, "uuid", 1, "generic", u, "https://datatracker.ietf.org/doc/html/rfc9562")])
    # ---- lock files and checksums (against 1)
    for i in range(40):
        eid = "n-npmlock-%d" % i
        r = R(eid)
        pkgs = []
        ents = []
        for k in range(4):
            integ = "sha512-" + r.b64bytes(64)
            nm = r.choice(["lodash", "react", "chalk", "debug", "ms", "semver", "commander", "uuid", "express", "axios"]) + ("-" + r.s("low", 4) if k else "")
            pkgs.append((nm, integ))
            ents.append(neg("%s-%d" % (eid, k), "lockfile", 1, "npm", integ, "https://docs.npmjs.com/cli/v10/configuring-npm/package-lock-json"))
        doc = {"name": "app", "lockfileVersion": 3, "requires": True, "packages": {"node_modules/" + nm: {
            "version": "%d.%d.%d" % (r.randrange(1, 9), r.randrange(0, 20), r.randrange(0, 20)),
            "resolved": "https://registry.npmjs.org/%s/-/%s-1.0.0.tgz" % (nm, nm), "integrity": integ} for nm, integ in pkgs}}
        add("lockfiles/npm%d/package-lock.json" % i, json.dumps(doc, indent=2) + "\n", ents)
    for i in range(20):
        eid = "n-yarnlock-%d" % i
        r = R(eid)
        text = "# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.\n# yarn lockfile v1\n\n"
        ents = []
        for k in range(3):
            integ = "sha512-" + r.b64bytes(64)
            nm = r.choice(["left-pad", "minimist", "once", "wrappy", "inherits"]) + str(k)
            text += "%s@^1.0.0:\n  version \"1.0.%d\"\n  resolved \"https://registry.yarnpkg.com/%s/-/%s-1.0.%d.tgz#%s\"\n  integrity %s\n\n" % (nm, k, nm, nm, k, r.s("hex", 40), integ)
            ents.append(neg("%s-%d" % (eid, k), "lockfile", 1, "yarn", integ, "https://classic.yarnpkg.com/lang/en/docs/yarn-lock/"))
        add("lockfiles/yarn%d/yarn.lock" % i, text, ents)
    for i in range(25):
        eid = "n-gosum-%d" % i
        r = R(eid)
        text, ents = "", []
        for k in range(4):
            h = "h1:" + r.b64bytes(32)
            mod = "github.com/%s/%s" % (r.choice(["spf13", "google", "stretchr", "golang"]), r.choice(["cobra", "uuid", "testify", "protobuf"]) + str(k))
            text += "%s v1.%d.0 %s\n%s v1.%d.0/go.mod h1:%s\n" % (mod, k, h, mod, k, r.b64bytes(32))
            ents.append(neg("%s-%d" % (eid, k), "lockfile", 1, "go", h, "https://go.dev/ref/mod#go-sum-files"))
        add("lockfiles/go%d/go.sum" % i, text, ents)
    for i in range(20):
        eid = "n-cargo-%d" % i
        r = R(eid)
        text, ents = "# This file is automatically @generated by Cargo.\nversion = 3\n\n", []
        for k in range(3):
            h = r.s("hex", 64)
            text += "[[package]]\nname = \"%s\"\nversion = \"0.%d.1\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\nchecksum = \"%s\"\n\n" % (r.choice(["serde", "libc", "rand", "log"]) + str(k), k, h)
            ents.append(neg("%s-%d" % (eid, k), "lockfile", 1, "cargo", h, "https://doc.rust-lang.org/cargo/guide/cargo-toml-vs-cargo-lock.html"))
        add("lockfiles/cargo%d/Cargo.lock" % i, text, ents)
    for i in range(20):
        eid = "n-poetry-%d" % i
        r = R(eid)
        h1, h2 = r.s("hex", 64), r.s("hex", 64)
        text = "[[package]]\nname = \"requests\"\nversion = \"2.31.0\"\nfiles = [\n    {file = \"requests-2.31.0-py3-none-any.whl\", hash = \"sha256:%s\"},\n    {file = \"requests-2.31.0.tar.gz\", hash = \"sha256:%s\"},\n]\n" % (h1, h2)
        add("lockfiles/poetry%d/poetry.lock" % i, text, [neg(eid + "-0", "lockfile", 1, "poetry", h1, "https://python-poetry.org/docs/basic-usage/#installing-with-poetrylock"),
                                                          neg(eid + "-1", "lockfile", 1, "poetry", h2, "https://python-poetry.org/docs/basic-usage/#installing-with-poetrylock")])
    for i in range(15):
        eid = "n-pipreq-%d" % i
        r = R(eid)
        h = r.s("hex", 64)
        add("lockfiles/pip%d/requirements.txt" % i, "certifi==2024.2.2 \\\n    --hash=sha256:%s\n" % h, [neg(eid, "lockfile", 1, "pip", h, "https://pip.pypa.io/en/stable/topics/secure-installs/#hash-checking-mode")])
    for i in range(15):
        eid = "n-pipfile-%d" % i
        r = R(eid)
        h = r.s("hex", 64)
        doc = {"_meta": {"hash": {"sha256": r.s("hex", 64)}}, "default": {"flask": {"hashes": ["sha256:" + h], "version": "==3.0.2"}}}
        add("lockfiles/pipenv%d/Pipfile.lock" % i, json.dumps(doc, indent=4) + "\n", [neg(eid, "lockfile", 1, "pipenv", h, "https://pipenv.pypa.io/en/latest/pipfile.html")])
    for i in range(15):
        eid = "n-composer-%d" % i
        r = R(eid)
        ref = r.s("hex", 40)
        sha = r.s("hex", 40)
        doc = {"packages": [{"name": "monolog/monolog", "version": "3.5.0", "source": {"type": "git", "url": "https://github.com/Seldaek/monolog.git", "reference": ref},
                             "dist": {"type": "zip", "url": "https://api.github.com/repos/Seldaek/monolog/zipball/" + ref, "reference": ref, "shasum": sha}}],
               "content-hash": r.s("hex", 32)}
        add("lockfiles/composer%d/composer.lock" % i, json.dumps(doc, indent=4) + "\n", [neg(eid, "lockfile", 1, "composer", ref, "https://getcomposer.org/doc/01-basic-usage.md#commit-your-composer-lock-file-to-version-control")])
    for i in range(15):
        eid = "n-pnpm-%d" % i
        r = R(eid)
        integ = "sha512-" + r.b64bytes(64)
        add("lockfiles/pnpm%d/pnpm-lock.yaml" % i, "lockfileVersion: '9.0'\n\npackages:\n\n  zod@3.22.%d:\n    resolution: {integrity: %s}\n" % (i, integ),
            [neg(eid, "lockfile", 1, "pnpm", integ, "https://pnpm.io/git#lockfiles")])
    for i in range(10):
        eid = "n-flake-%d" % i
        r = R(eid)
        nar = "sha256-" + r.b64bytes(32)
        rev = r.s("hex", 40)
        doc = {"nodes": {"nixpkgs": {"locked": {"lastModified": 1700000000 + i, "narHash": nar, "owner": "NixOS", "repo": "nixpkgs", "rev": rev, "type": "github"}}}, "root": "root", "version": 7}
        add("lockfiles/nix%d/flake.lock" % i, json.dumps(doc, indent=2) + "\n", [neg(eid, "lockfile", 1, "nix", nar, "https://nix.dev/manual/nix/2.18/command-ref/new-cli/nix3-flake#lock-files")])
    for i in range(10):
        eid = "n-gradlemeta-%d" % i
        r = R(eid)
        h = r.s("hex", 64)
        add("lockfiles/gradle%d/verification-metadata.xml" % i, "<verification-metadata>\n  <components>\n    <component group=\"com.google.guava\" name=\"guava\" version=\"33.0.0-jre\">\n      <artifact name=\"guava-33.0.0-jre.jar\">\n         <sha256 value=\"%s\" origin=\"Generated by Gradle\"/>\n      </artifact>\n    </component>\n  </components>\n</verification-metadata>\n" % h,
            [neg(eid, "lockfile", 1, "gradle", h, "https://docs.gradle.org/current/userguide/dependency_verification.html")])
    for i in range(10):
        eid = "n-gemlock-%d" % i
        r = R(eid)
        h = r.s("hex", 64)
        add("lockfiles/bundler%d/Gemfile.lock" % i, "GEM\n  remote: https://rubygems.org/\n  specs:\n    rack (3.0.9)\n\nCHECKSUMS\n  rack (3.0.9) sha256=%s\n\nBUNDLED WITH\n   2.5.6\n" % h,
            [neg(eid, "lockfile", 1, "bundler", h, "https://bundler.io/guides/bundler_2_upgrade.html")])
    # checksums
    for i in range(20):
        eid = "n-sha256sums-%d" % i
        r = R(eid)
        text, ents = "", []
        for k in range(3):
            h = r.s("hex", 64)
            text += "%s  %s-%d.%d.tar.gz\n" % (h, r.choice(["app", "cli", "agent"]), i, k)
            ents.append(neg("%s-%d" % (eid, k), "checksum", 1, "sha256sum", h, "https://www.gnu.org/software/coreutils/manual/html_node/sha2-utilities.html"))
        add("checksums/r%d/SHA256SUMS" % i, text, ents)
    for i in range(15):
        eid = "n-sha512-%d" % i
        r = R(eid)
        h = r.s("hex", 128)
        add("checksums/s%d/release.tar.xz.sha512" % i, "%s  release.tar.xz\n" % h, [neg(eid, "checksum", 1, "sha512sum", h, "https://www.gnu.org/software/coreutils/manual/html_node/sha2-utilities.html")])
    for i in range(20):
        eid = "n-digest-%d" % i
        r = R(eid)
        h = r.s("hex", 64)
        fname, text = [("Dockerfile", "FROM node:20-alpine@sha256:%s\n" % h), ("deployment.yaml", "      containers:\n        - image: ghcr.io/acme/api@sha256:%s\n" % h),
                       ("install.sh", "echo \"%s  helm.tar.gz\" | sha256sum -c -\n" % h), ("BUILD.bazel", "http_archive(\n    name = \"rules_go\",\n    sha256 = \"%s\",\n)\n" % h)][i % 4]
        add("checksums/d%d/%s" % (i, fname), text, [neg(eid, "checksum", 1, "digest", h, "https://github.com/opencontainers/image-spec/blob/main/descriptor.md#digests")])
    for i in range(20):
        eid = "n-gitsha-%d" % i
        r = R(eid)
        h = r.s("hex", 40)
        fname, text = [("CHANGELOG.md", "## 2.4.1\n\n* Fix retry loop (%s)\n" % h), (".gitmodules.lock", "vendor/lib %s\n" % h),
                       ("renovate.json", "{\"baseBranches\": [\"main\"], \"rebaseWhen\": \"conflicted\", \"lastCommit\": \"%s\"}\n" % h),
                       ("action.yml", "    - uses: actions/checkout@%s # v4.1.1\n" % h)][i % 4]
        add("checksums/g%d/%s" % (i, fname), text, [neg(eid, "checksum", 1, "git", h, "https://git-scm.com/book/en/v2/Git-Internals-Git-Objects")])
    for i in range(15):
        eid = "n-sri-%d" % i
        r = R(eid)
        h = "sha384-" + r.b64bytes(48)
        add("checksums/sri%d/index.html" % i, "<script src=\"https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/js/bootstrap.bundle.min.js\" integrity=\"%s\" crossorigin=\"anonymous\"></script>\n" % h,
            [neg(eid, "checksum", 1, "sri", h, "https://www.w3.org/TR/SRI/")])
    for i in range(10):
        eid = "n-etag-%d" % i
        r = R(eid)
        h = r.s("hex", 32)
        add("checksums/e%d/manifest.json" % i, json.dumps({"files": [{"name": "app.js", "md5": h, "size": 10234 + i}]}, indent=2) + "\n",
            [neg(eid, "checksum", 1, "md5", h, "https://datatracker.ietf.org/doc/html/rfc1321")])
    # ---- base64 images (against 1)
    for i in range(60):
        eid = "n-img-%d" % i
        r = R(eid)
        data = png(r, 4 + i % 5, 4 + i % 3)
        b = base64.b64encode(data).decode()
        uri = "data:image/png;base64," + b
        fname, text = [("style.css", ".icon-%d { background-image: url(%s); }\n" % (i, uri)), ("index.html", "<img alt=\"logo\" src=\"%s\">\n" % uri),
                       ("README.md", "![badge](%s)\n" % uri), ("icon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"%s\" width=\"8\" height=\"8\"/></svg>\n" % uri)][i % 4]
        add("images/%d/%s" % (i, fname), text, [neg(eid, "base64-image", 1, "image", b, "https://www.rfc-editor.org/rfc/rfc2397")])
    # ---- minified code and source maps (against 1)
    for i in range(60):
        eid = "n-min-%d" % i
        r = R(eid)
        vs = [r.s("low", 1) + r.s("let", 1) for _ in range(6)]
        chunk = r.s("hex", 8) + r.s("hex", 12)
        line = ("!function(e,t){\"use strict\";var %s=function(%s){return %s.apiKey||%s.token||\"\"},%s={headers:{Authorization:\"Bearer \"+%s(e)}};"
                "t.exports={load:function(){return import(\"./chunk.%s.js\")},cfg:%s,secretKeyName:\"clientSecret\"}}(window,module);\n") % (vs[0], vs[1], vs[1], vs[1], vs[2], vs[0], chunk, vs[2])
        if i % 3 == 2:
            maps = ",".join(r.s("b64", r.randrange(4, 8)).replace("+", "A").replace("/", "C") for _ in range(40))
            text = json.dumps({"version": 3, "file": "main.%s.js" % chunk[:8], "sources": ["src/index.ts"], "names": ["apiKey", "token"], "mappings": "AAAA," + maps}) + "\n"
            add("minified/%d/main.%s.js.map" % (i, chunk[:8]), text, [neg(eid, "minified", 1, "sourcemap", chunk[:8], "https://tc39.es/ecma426/")])
        else:
            add("minified/%d/main.%s.min.js" % (i, chunk[:8]), line, [neg(eid, "minified", 1, "minified", chunk, "https://github.com/keyhound/keyhound/issues/14")])
    # ---- test vectors (against 1 and 5)
    vectors = [
        ("hmac-sha256 RFC 4231 case 1 key", "0b" * 20, "https://datatracker.ietf.org/doc/html/rfc4231#section-4.2"),
        ("RFC 4231 case 1 HMAC-SHA-256", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7", "https://datatracker.ietf.org/doc/html/rfc4231#section-4.2"),
        ("FIPS-197 AES-128 key", "000102030405060708090a0b0c0d0e0f", "https://nvlpubs.nist.gov/nistpubs/FIPS/NIST.FIPS.197-upd1.pdf"),
        ("FIPS-197 AES-256 key", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "https://nvlpubs.nist.gov/nistpubs/FIPS/NIST.FIPS.197-upd1.pdf"),
        ("SHA-256 of abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "https://csrc.nist.gov/CSRC/media/Projects/Cryptographic-Standards-and-Guidelines/documents/examples/SHA256.pdf"),
        ("SHA-1 of abc", "a9993e364706816aba3e25717850c26c9cd0d89d", "https://datatracker.ietf.org/doc/html/rfc3174#section-7.3"),
        ("MD5 of empty string", "d41d8cd98f00b204e9800998ecf8427e", "https://datatracker.ietf.org/doc/html/rfc1321#appendix-A.5"),
        ("SHA-256 of empty string", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "https://csrc.nist.gov/projects/cryptographic-standards-and-guidelines/example-values"),
        ("RFC 6238 TOTP SHA-1 seed", "3132333435363738393031323334353637383930", "https://datatracker.ietf.org/doc/html/rfc6238#appendix-B"),
        ("RFC 7539 ChaCha20 key", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "https://datatracker.ietf.org/doc/html/rfc7539#section-2.4.2"),
        ("RFC 2202 HMAC-MD5 case 2 key", "Jefe", "https://datatracker.ietf.org/doc/html/rfc2202#section-2"),
        ("RFC 4648 base64 test", "Zm9vYmFy", "https://datatracker.ietf.org/doc/html/rfc4648#section-10"),
        ("RFC 6070 PBKDF2-HMAC-SHA1 c=4096", "4b007901b765489abead49d926f721d065a429c1", "https://datatracker.ietf.org/doc/html/rfc6070#section-2"),
        ("RFC 7914 scrypt vector", "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906", "https://datatracker.ietf.org/doc/html/rfc7914#section-12"),
        ("RFC 8032 Ed25519 test 1 secret key", "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60", "https://datatracker.ietf.org/doc/html/rfc8032#section-7.1"),
        ("RFC 7748 X25519 Alice private", "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a", "https://datatracker.ietf.org/doc/html/rfc7748#section-6.1"),
    ]
    forms = [("test_crypto.py", "    (\"%s\", \"%s\"),\n"), ("vectors_test.go", "\t{name: \"%s\", hex: \"%s\"},\n"), ("crypto.test.js", "  ['%s', '%s'],\n"),
             ("CryptoTest.java", "    {\"%s\", \"%s\"},\n"), ("vectors.txt", "# %s\n%s\n")]
    for i, (desc, val, ref) in enumerate(vectors):
        for k, (fname, form) in enumerate(forms):
            eid = "n-vec-%d-%d" % (i, k)
            text = ("KEY = \"%s\"\n" % val if k == 0 and i % 2 else "") + form % (desc, val)
            add("testvectors/%d-%d/%s" % (i, k, fname), text, [neg(eid, "test-vector", 1, "test-vector", val, ref)])
    # public hash test vectors (against 5): published examples nobody rotates
    pubhashes = [
        ("$1$saltstri$YMyguxXMBpd2TEZ.vS/3q1", "https://passlib.readthedocs.io/en/stable/lib/passlib.hash.md5_crypt.html"),
        ("$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZF4dCJMR8", "https://www.akkadia.org/drepper/SHA-crypt.txt"),
        ("$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1", "https://www.akkadia.org/drepper/SHA-crypt.txt"),
        ("$5$rounds=10000$saltstringsaltst$3xv.VbSHBb41AL9AvLeujZkZRBAwqFMz2.opqey6IcA", "https://www.akkadia.org/drepper/SHA-crypt.txt"),
        ("$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v.", "https://www.akkadia.org/drepper/SHA-crypt.txt"),
    ]
    for i, (h, ref) in enumerate(pubhashes):
        for k, (fname, form) in enumerate(forms[:4]):
            eid = "n-pubhash-%d-%d" % (i, k)
            add("testvectors/hash%d-%d/%s" % (i, k, fname), form % ("published test vector", h), [neg(eid, "test-vector", 5, "test-vector", h, ref)])
    # ---- hash-shaped text that holds no hash (against 5): locked accounts, format descriptions
    locked = ["root:*:19700:0:99999:7:::", "daemon:*:19700:0:99999:7:::", "nobody:!:19700::::::", "sshd:!*:19700::::::",
              "postgres:!!:19701::::::", "www-data:*:19700:0:99999:7:::", "backup:!:19700:0:99999:7:::", "systemd-network:!*:19700::::::"]
    for i, line in enumerate(locked):
        for k in range(3):
            eid = "n-locked-%d-%d" % (i, k)
            fname = ["shadow", "shadow.seed", "passwd.txt"][k]
            add("nohash/locked%d-%d/%s" % (i, k, fname), "%s\n" % line, [neg(eid, "no-hash", 5, "shadow", line, "https://man7.org/linux/man-pages/man5/shadow.5.html")])
    fmts = [("$id$salt$hashed", "https://man7.org/linux/man-pages/man3/crypt.3.html"), ("$6$<salt>$<hash>", "https://man7.org/linux/man-pages/man3/crypt.3.html"),
            ("$2b$<cost>$<22-character salt><31-character hash>", "https://www.openbsd.org/papers/bcrypt-paper.pdf"),
            ("$argon2id$v=19$m=65536,t=3,p=4$<salt>$<hash>", "https://github.com/P-H-C/phc-string-format/blob/master/phc-sf-spec.md"),
            ("pbkdf2_sha256$<iterations>$<salt>$<hash>", "https://docs.djangoproject.com/en/5.0/topics/auth/passwords/#how-django-stores-passwords"),
            ("{SSHA}<base64 of digest and salt>", "https://datatracker.ietf.org/doc/html/rfc2307#section-5.3"),
            ("$apr1$<salt>$<hash>", "https://httpd.apache.org/docs/2.4/misc/password_encryptions.html"),
            ("$y$<params>$<salt>$<hash>", "https://man.archlinux.org/man/crypt.5"),
            ("$5$rounds=<N>$<salt>$<hash>", "https://www.akkadia.org/drepper/SHA-crypt.txt"),
            ("$1$<salt>$<hash>", "https://man.archlinux.org/man/crypt.5")]
    for i, (v, ref) in enumerate(fmts):
        for k in range(4):
            eid = "n-hashfmt-%d-%d" % (i, k)
            fname, text = [("README.md", "Password hashes are stored as `%s`.\n" % v), ("schema.sql", "-- password_hash holds %s\n" % v),
                           ("models.py", "# format: %s\n" % v), ("docs.txt", "Format: %s\n" % v)][k]
            add("nohash/fmt%d-%d/%s" % (i, k, fname), text, [neg(eid, "no-hash", 5, "hash-format", v, ref)])
    # ---- public keys and certificates (against 9)
    for i in range(40):
        eid = "n-pub-%d" % i
        r = R(eid)
        kind = i % 5
        if kind == 0:
            v = base64.b64encode(b"\x00\x00\x00\x07ssh-rsa\x00\x00\x00\x03\x01\x00\x01\x00\x00\x01\x01\x00" + r.raw(256)).decode()
            fname, text = "authorized_keys", "ssh-rsa %s deploy@build\n" % v
        elif kind == 1:
            v = base64.b64encode(b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + r.raw(32)).decode()
            fname, text = "id_ed25519.pub", "ssh-ed25519 %s marta@laptop\n" % v
        elif kind == 2:
            v = pem_body(r, 294)
            fname, text = "public.pem", "-----BEGIN PUBLIC KEY-----\n%s\n-----END PUBLIC KEY-----\n" % v
            v = v.split("\n")[0]
        elif kind == 3:
            v = pem_body(r, 900)
            fname, text = "ca.crt", "-----BEGIN CERTIFICATE-----\n%s\n-----END CERTIFICATE-----\n" % v
            v = v.split("\n")[1]
        else:
            v = r.b64bytes(32)
            fname, text = "wg0.conf", "[Peer]\nPublicKey = %s\nAllowedIPs = 10.8.0.2/32\nEndpoint = vpn.acme.io:51820\n" % v
        add("publickeys/%d/%s" % (i, fname), text, [neg(eid, "public-key", 9, "public-key", v, "https://datatracker.ietf.org/doc/html/rfc4253#section-6.6")])
    # ---- templates: credential files and .env templates that hold placeholders (against 4 and 6)
    tmpl_files = [(".env.example", "DATABASE_URL=postgres://user:password@localhost:5432/app\nSECRET_KEY=changeme\nSTRIPE_SECRET_KEY=sk_live_your_key_here\n", ["password", "changeme", "sk_live_your_key_here"]),
                  ("config.sample.yml", "database:\n  user: app\n  password: <db-password>\n", ["<db-password>"]),
                  ("settings.py.template", "SECRET_KEY = '<generate-with-django-admin>'\n", ["<generate-with-django-admin>"]),
                  (".pgpass.example", "localhost:5432:app:app:YOUR_PASSWORD\n", ["YOUR_PASSWORD"]),
                  ("netrc.sample", "machine api.example.com login USERNAME password PASSWORD\n", ["PASSWORD"]),
                  ("application.properties.dist", "spring.datasource.password=${DB_PASSWORD}\n", ["${DB_PASSWORD}"]),
                  (".git-credentials.example", "https://USERNAME:TOKEN@github.com\n", ["TOKEN"]),
                  ("docker-compose.override.yml.dist", "services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: changeme\n", ["changeme"]),
                  ("appsettings.Template.json", "{\"ConnectionStrings\": {\"Default\": \"Server=.;Database=App;User Id=sa;Password=<password>;\"}}\n", ["<password>"]),
                  ("wp-config-sample.php", "<?php\ndefine( 'DB_PASSWORD', 'password_here' );\ndefine( 'AUTH_KEY',         'put your unique phrase here' );\n", ["password_here", "put your unique phrase here"]),
                  (".env.dist", "APP_SECRET=ThisTokenIsNotSoSecretChangeIt\n", ["ThisTokenIsNotSoSecretChangeIt"]),
                  (".s3cfg.sample", "[default]\naccess_key = YOUR_ACCESS_KEY\nsecret_key = YOUR_SECRET_KEY\n", ["YOUR_SECRET_KEY"]),
                  ("my.cnf.example", "[client]\nuser=root\npassword=\n", ["password="]),
                  ("sitemanager.xml.example", "<Server><Host>ftp.example.com</Host><User>user</User><Pass>password</Pass></Server>\n", ["<Pass>password</Pass>"]),
                  ("pypirc.template", "[pypi]\nusername = __token__\npassword = <pypi-token>\n", ["<pypi-token>"])]
    for i, (fname, text, vals) in enumerate(tmpl_files):
        for k in range(6):
            ents = [neg("n-tmpl-%d-%d-%d" % (i, k, j), "template", 4 if any(s in fname for s in ("pgpass", "netrc", "credentials", "s3cfg", "cnf", "sitemanager", "pypirc")) else 6,
                        "template", v, "https://github.com/keyhound/keyhound/issues/14") for j, v in enumerate(vals)]
            add("templates/%d-%d/%s" % (i, k, fname), text, ents)
    # credential files holding placeholders in template-named files only are above; encoded placeholders (against 8)
    for i, ph in enumerate(["changeme", "password", "your-token-here", "REPLACE_ME", "xxxxxxxx", "<set-me>", "${DB_PASSWORD}", "secret"]):
        for k in range(4):
            eid = "n-k8sph-%d-%d" % (i, k)
            b = base64.b64encode(ph.encode()).decode()
            add("encoded/k8s%d-%d/secret.yaml" % (i, k), "apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\ndata:\n  password: %s\n" % b,
                [neg(eid, "encoded-placeholder", 8, "kubernetes-secret", b, "https://kubernetes.io/docs/concepts/configuration/secret/")])
    for i, ph in enumerate(["<your-token>", "changeme", "${API_TOKEN}", "xxxxxxxxxxxxxxxx"]):
        for k in range(4):
            eid = "n-utf16ph-%d-%d" % (i, k)
            text = "$apiToken = \"%s\"\r\nWrite-Host 'configure the token first'\r\n" % ph
            c.add_bytes("neg/encoded/utf16-%d-%d/setup.ps1" % (i, k), utf16(text), [neg(eid, "encoded-placeholder", 8, "utf16", ph, "https://github.com/keyhound/keyhound/issues/14")], text)
    # ---- placeholders behind real prefixes, and documented example tokens (against 3)
    seq = [
        ("aws", "AKIA1234567890ABCDEF"), ("aws", "AKIAAAAAAAAAAAAAAAAA"), ("aws", "AKIAXXXXXXXXXXXXXXXX"), ("aws", "AKIA0000000000000000"),
        ("aws", "AKIAABCDEFGHIJKLMNOP"), ("stripe", "sk_live_" + "1234567890" * 3), ("stripe", "sk_live_" + "x" * 24), ("stripe", "sk_live_" + "0" * 24),
        ("stripe", "sk_live_abcdefghijklmnopqrstuvwx"), ("stripe", "rk_live_" + "1234567890" * 3), ("gitlab", "glpat-abcdefghijklmnopqrst"),
        ("gitlab", "glpat-xxxxxxxxxxxxxxxxxxxx"), ("gitlab", "glpat-12345678901234567890"), ("gitlab", "glpat-XXXXXXXXXXXXXXXXXXXX"),
        ("github", "ghp_" + "x" * 36), ("github", "ghp_" + "X" * 36), ("github", "ghp_" + "0" * 36), ("github", "ghp_" + "1234567890" * 3 + "123456"),
        ("github", "ghp_abcdefghijklmnopqrstuvwxyz0123456789"), ("github", "github_pat_" + "x" * 82), ("slack", "xoxb-000000000000-0000000000000-" + "x" * 24),
        ("slack", "xoxb-123456789012-1234567890123-" + "abcdefghijklmnopqrstuvwx"), ("slack", "xoxp-" + "1" * 12 + "-" + "1" * 12 + "-" + "1" * 13 + "-" + "a" * 32),
        ("sendgrid", "SG." + "x" * 22 + "." + "x" * 43), ("sendgrid", "SG.abcdefghijklmnopqrstuv." + "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"),
        ("npm", "npm_" + "x" * 36), ("npm", "npm_" + "1234567890" * 3 + "123456"), ("openai", "sk-" + "x" * 48), ("openai", "sk-proj-" + "x" * 64),
        ("openai", "sk-1234567890abcdef1234567890abcdef1234567890abcdef"), ("anthropic", "sk-ant-api03-" + "x" * 93 + "AA"), ("huggingface", "hf_" + "x" * 34),
        ("huggingface", "hf_abcdefghijklmnopqrstuvwxyzABCDEFGH"), ("digitalocean", "dop_v1_" + "0" * 64), ("digitalocean", "dop_v1_" + "0123456789abcdef" * 4),
        ("shopify", "shpat_" + "0" * 32), ("shopify", "shpat_" + "x" * 32), ("twilio", "SK" + "x" * 32), ("twilio", "AC" + "0" * 32),
        ("google", "AIza" + "x" * 35), ("google", "AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"), ("mailgun", "key-" + "x" * 32), ("mailgun", "key-" + "0" * 32),
        ("doppler", "dp.pt." + "x" * 43), ("pypi", "pypi-AgEIcHlwaS5vcmc" + "x" * 70), ("databricks", "dapi" + "0" * 32), ("databricks", "dapi" + "x" * 32),
        ("linear", "lin_api_" + "x" * 40), ("postman", "PMAK-" + "0" * 24 + "-" + "0" * 34), ("newrelic", "NRAK-" + "X" * 27), ("vault", "hvs." + "x" * 90),
        ("sonarqube", "squ_" + "0" * 40), ("dynatrace", "dt0c01." + "X" * 24 + "." + "X" * 64), ("atlassian", "ATATT3xFfGF0" + "x" * 174 + "=" + "0" * 8),
        ("slack-webhook", "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"),
        ("slack-webhook", "https://hooks.slack.com/services/TXXXXXXXX/BXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX"),
        ("discord-webhook", "https://discord.com/api/webhooks/000000000000000000/" + "x" * 68),
        ("teams-webhook", "https://outlook.office.com/webhook/00000000-0000-0000-0000-000000000000@00000000-0000-0000-0000-000000000000/IncomingWebhook/00000000000000000000000000000000/00000000-0000-0000-0000-000000000000"),
        ("jwt", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4eHh4In0.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
    ]
    forms3 = [(".env", "%s_TOKEN=%s\n"), ("config.py", "%s_TOKEN = \"%s\"\n"), ("config.yml", "%s_token: %s\n"), ("README.md", "Set `%s_TOKEN` (for example `%s`).\n")]
    for i, (prov, v) in enumerate(seq):
        for k, (fname, form) in enumerate(forms3[:3] if i % 2 else forms3[1:]):
            eid = "n-seq-%d-%d" % (i, k)
            P = ident(prov)
            add("prefixed-placeholder/%d-%d/%s" % (i, k, fname), form % (P if "README" not in fname else P, v),
                [neg(eid, "sequential-body", 7 if prov in CLASS7_PROVIDERS else 3, prov, v, "https://github.com/keyhound/keyhound/issues/14")])
    docs = [
        ("aws", "AKIAIOSFODNN7EXAMPLE", "https://docs.aws.amazon.com/IAM/latest/UserGuide/security-creds.html"),
        ("aws", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "https://docs.aws.amazon.com/IAM/latest/UserGuide/security-creds.html"),
        ("aws", "AKIAI44QH8DHBEXAMPLE", "https://docs.aws.amazon.com/general/latest/gr/aws-sec-cred-types.html"),
        ("aws", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY", "https://docs.aws.amazon.com/general/latest/gr/aws-sec-cred-types.html"),
        ("stripe", "sk_test_4eC39HqLyjWDarjtT1zdp7dc", "https://docs.stripe.com/keys#obtain-api-keys"),
        ("stripe", "pk_test_TYooMQauvdEDq54NiTphI7jx", "https://docs.stripe.com/keys#obtain-api-keys"),
        ("jwt", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c", "https://jwt.io/introduction"),
        ("azure-storage-emulator", "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==", "https://learn.microsoft.com/en-us/azure/storage/common/storage-use-azurite#http-connection-strings"),
        ("firebase", "AIzaSyDOCAbC123dEf456GhI789jKl012-MnO", "https://firebase.google.com/docs/projects/api-keys"),
        ("slack", "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", "https://api.slack.com/messaging/webhooks"),
        ("twilio", "ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "https://www.twilio.com/docs/usage/api#authenticate-with-http"),
        ("django", "django-insecure-" + "%s" % "0" * 0 + "change-me-in-production", "https://docs.djangoproject.com/en/5.0/ref/settings/#secret-key"),
    ]
    dforms = [("README.md", "Example: `%s`\n"), ("docs/setup.md", "```\nexport KEY=%s\n```\n"), ("test_config.py", "EXAMPLE_KEY = \"%s\"\n"),
              ("config.example.yml", "key: %s\n"), (".env", "KEY=%s\n")]
    for i, (prov, v, ref) in enumerate(docs):
        for k, (fname, form) in enumerate(dforms):
            eid = "n-doc-%d-%d" % (i, k)
            add("documented/%d-%d/%s" % (i, k, fname.replace("/", "-")), form % v, [neg(eid, "documented-example", 3, prov, v, ref)])
    # ---- public or non-secret identifiers that share a provider's shape (against 9)
    pub = [
        ("stripe-publishable", lambda r: "pk_live_" + r.s("an", 99), "STRIPE_PUBLISHABLE_KEY", "https://docs.stripe.com/keys#obtain-api-keys"),
        ("stripe-object-id", lambda r: "cus_" + r.s("an", 14), "customer_id", "https://docs.stripe.com/api/customers/object"),
        ("stripe-object-id", lambda r: "pi_" + r.s("an", 24), "payment_intent", "https://docs.stripe.com/api/payment_intents/object"),
        ("stripe-object-id", lambda r: "price_" + r.s("an", 24), "STRIPE_PRICE_ID", "https://docs.stripe.com/api/prices/object"),
        ("mapbox-public", lambda r: "pk.eyJ1Ijoi" + r.s("b64u", 40) + "." + r.s("b64u", 22), "MAPBOX_PUBLIC_TOKEN", "https://docs.mapbox.com/accounts/guides/tokens/#public-tokens"),
        ("posthog-project", lambda r: "phc_" + r.s("an", 43), "POSTHOG_PROJECT_API_KEY", "https://posthog.com/docs/api#project-api-key"),
        ("aws-unique-id", lambda r: "AIDA" + r.s("b32", 17), "user_id", "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids"),
        ("aws-unique-id", lambda r: "AROA" + r.s("b32", 17), "role_id", "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids"),
        ("aws-arn", lambda r: "arn:aws:iam::%s:role/%s" % (r.s("dig", 12), r.choice(["deploy", "ci-runner", "lambda-exec"])), "role_arn", "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html"),
        ("slack-id", lambda r: "C" + r.s("AU", 10), "SLACK_CHANNEL_ID", "https://api.slack.com/docs/conversations-api"),
        ("google-analytics", lambda r: "G-" + r.s("AU", 10), "GA_MEASUREMENT_ID", "https://support.google.com/analytics/answer/12270356"),
        ("git-lfs", lambda r: "sha256:" + r.s("hex", 64), "oid", "https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md"),
        ("container-id", lambda r: r.s("hex", 64), "container_id", "https://docs.docker.com/reference/cli/docker/container/ls/"),
        ("k8s-uid", lambda r: r.uuid(), "uid", "https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#uids"),
        ("youtube-id", lambda r: r.s("b64u", 11), "video_id", "https://developers.google.com/youtube/v3/docs/videos"),
        ("sentry-public-dsn-key", lambda r: r.s("hex", 32), "SENTRY_PUBLIC_KEY_ID", "https://docs.sentry.io/concepts/key-terms/dsn-explainer/"),
        ("gravatar-hash", lambda r: r.s("hex", 32), "gravatar_hash", "https://docs.gravatar.com/general/hash/"),
        ("recaptcha-site-key", lambda r: "6L" + r.s("b64u", 38), "RECAPTCHA_SITE_KEY", "https://developers.google.com/recaptcha/docs/display"),
        ("azure-client-id", lambda r: r.uuid(), "AZURE_CLIENT_ID", "https://learn.microsoft.com/en-us/entra/identity-platform/howto-create-service-principal-portal"),
        ("onesignal-app-id", lambda r: r.uuid(), "ONESIGNAL_APP_ID", "https://documentation.onesignal.com/docs/keys-and-ids"),
    ]
    pforms = [("config.js", "export const %s = '%s';\n"), (".env", "%s=%s\n"), ("settings.yml", "%s: %s\n"), ("index.html", "<meta name=\"%s\" content=\"%s\">\n"),
              ("app.py", "%s = \"%s\"\n"), ("log.txt", "2026-01-05 12:00:01 INFO %s=%s\n"), ("data.json", "{\"%s\": \"%s\"}\n"), ("Main.java", "String %s = \"%s\";\n"),
              ("main.go", "var %s = \"%s\"\n"), ("values.yaml", "%s: \"%s\"\n")]
    for i, (prov, make, name, ref) in enumerate(pub):
        for k, (fname, form) in enumerate(pforms):
            eid = "n-pubid-%d-%d" % (i, k)
            r = R(eid)
            v = make(r)
            add("publicids/%d-%d/%s" % (i, k, fname), form % (name, v), [neg(eid, "public-id", 9, prov, v, ref)])
    # ---- whole-value placeholders that hold the words and syntax class 2 must not drop on sight (against 2)
    c2 = [("settings.py", "SECRET_KEY = '%s'\n", ["%(django_secret_key)s", "$(DJANGO_SECRET_KEY)", "dummy", "dummy-secret-key", "fake-secret-for-tests",
                                                  "test", "example-secret-key", "django-insecure-dummy", "%(SECRET_KEY)s", "$(cat /run/secrets/django)"]),
          ("deploy.ppk", "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: dummy-key\nPublic-Lines: 1\n<public key here>\nPrivate-Lines: 1\n%s\nPrivate-MAC: <mac>\n",
           ["<private key here>", "PRIVATE_KEY_LINES_GO_HERE", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"]),
          (".env", "DB_PASSWORD=%s\n", ["$(vault kv get -field=password secret/db)", "%(db_password)s", "dummy", "fake", "sample-password"])]
    for i, (fname, form, vals) in enumerate(c2):
        for j, v in enumerate(vals):
            for k in range(3):
                eid = "n-c2-%d-%d-%d" % (i, j, k)
                add("placeholder-words/%d-%d-%d/%s" % (i, j, k, fname), form % v, [neg(eid, "placeholder", 2, "generic", v, "https://github.com/keyhound/keyhound/issues/14")])
    # ---- credential files for which a placeholder or empty value is a template (against 4): named *.example
    for i in range(10):
        eid = "n-credex-%d" % i
        v = ["YOUR_PASSWORD", "<password>", "${PGPASSWORD}", "changeme", "xxxxxxxx"][i % 5]
        fname = [".pgpass.example", ".netrc.sample", ".git-credentials.template", "auth.json.dist", ".my.cnf.example"][i % 5]
        text = {".pgpass.example": "db:5432:app:app:%s\n", ".netrc.sample": "machine host login user password %s\n", ".git-credentials.template": "https://user:%s@github.com\n",
                "auth.json.dist": "{\"http-basic\": {\"repo.example.com\": {\"username\": \"user\", \"password\": \"%s\"}}}\n", ".my.cnf.example": "[client]\npassword=%s\n"}[fname] % v
        add("credtemplates/%d/%s" % (i, fname), text, [neg(eid, "template", 4, "credential-template", v, "https://github.com/keyhound/keyhound/issues/14")])


def gen_published(c):
    """Real-tree cases (docs/real-trees.md): secrets nobody needs to rotate, told by where they
    sit or what they say (negatives, kind 'published', against 9), each next to the same shape
    where it is a leak (positives, class 9)."""
    ISSUE = "https://github.com/keyhound/keyhound/issues/14"
    TAIL = "pos/tail/published"

    def negf(path, text, eid, prov, value, ref):
        c.add("neg/published/" + path, text, [neg(eid, "published", 9, prov, value, ref)])

    def posf(path, text, eid, prov, secret, ref, **kw):
        c.add(TAIL + "/" + path, text, [pos(eid, 9, prov, secret, ref, context="file", basis="context", **kw)])

    # private keys a test suite or a sample ships, and the same key in a service's config
    for i, (d, fname) in enumerate([("test/certdata", "keycert.pem"), ("tests/fixtures/tls", "server.key"),
                                    ("testdata", "client-key.pem"), ("examples", "rsakey.pem")]):
        r = R("n-pub-key-%d" % i)
        pem, first = rsa_pem(r, "PRIVATE KEY" if i % 2 else "RSA PRIVATE KEY")
        negf("key%d/%s/%s" % (i, d, fname), pem, "n-pub-key-%d" % i, "privatekey", first,
             "https://datatracker.ietf.org/doc/html/rfc7468#section-10")
        r = R("c9-pub-key-%d" % i)
        pem, first = rsa_pem(r, "PRIVATE KEY" if i % 2 else "RSA PRIVATE KEY")
        posf("key%d/deploy/%s" % (i, fname), pem, "c9-pub-key-%d" % i, "privatekey", first,
             "https://datatracker.ietf.org/doc/html/rfc7468#section-10", multipart=True)
    # a WireGuard key in a manual page's example, and in an interface file
    for i in range(2):
        r = R("n-pub-wg-%d" % i)
        k = r.b64bytes(32)
        negf("wg%d/man/man5/systemd.netdev.5" % i, ".SH EXAMPLES\n.nf\n[NetDev]\nName=wg0\nKind=wireguard\n\n[WireGuard]\nPrivateKey=%s\nListenPort=51820\n.fi\n" % k,
             "n-pub-wg-%d" % i, "wireguard", k, "https://www.freedesktop.org/software/systemd/man/latest/systemd.netdev.html")
        r = R("c9-pub-wg-%d" % i)
        k = r.b64bytes(32)
        posf("wg%d/etc/systemd/network/wg0.netdev" % i, "[NetDev]\nName=wg0\nKind=wireguard\n\n[WireGuard]\nPrivateKey=%s\nListenPort=51820\n" % k,
             "c9-pub-wg-%d" % i, "wireguard", k, "https://www.freedesktop.org/software/systemd/man/latest/systemd.netdev.html")
    # JWTs: expired (RFC 7519 4.1.4 'exp' in 2019-2021) in a changelog, and valid until 2096
    for i in range(3):
        r = R("n-pub-jwt-%d" % i)
        t = make_jwt(r, {"iss": "https://auth.acme.dev/", "sub": r.s("an", 16), "iat": 1572006954 + i * 10 ** 7,
                         "exp": 1572010554 + i * 10 ** 7})
        negf("jwt%d/doc/changelog" % i, "Fixed verification of RS256 tokens:\n\n    token = \"%s\"\n" % t,
             "n-pub-jwt-%d" % i, "jwt", t, "https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4")
        r = R("c9-pub-jwt-%d" % i)
        t = make_jwt(r, {"iss": "https://auth.acme.dev/", "sub": r.s("an", 16), "iat": 1764000000, "exp": 3993868800 + i})
        posf("jwt%d/src/client.py" % i, "SERVICE_JWT = \"%s\"\n" % t, "c9-pub-jwt-%d" % i, "jwt", t,
             "https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4")
    # Azure SAS: expired (se= in 2023) in an API document, and one valid until 2099
    for i in range(2):
        r = R("n-pub-sas-%d" % i)
        sig = r.b64bytes(32).replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")
        negf("sas%d/service-2.json" % i, '{"documentation": "<p>A token looks like this:</p> <code>sp=r&amp;st=2023-12-20T14:54:52Z&amp;se=2023-12-20T22:54:52Z&amp;spr=https&amp;sv=2021-06-08&amp;sr=c&amp;sig=%s</code>"}\n' % sig,
             "n-pub-sas-%d" % i, "azure-sas", sig, "https://learn.microsoft.com/en-us/rest/api/storageservices/create-service-sas")
        r = R("c9-pub-sas-%d" % i)
        sig = r.b64bytes(32).replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")
        posf("sas%d/upload.sh" % i, 'curl -T app.tgz "https://acmebuilds.blob.core.windows.net/drops/app.tgz?sp=cw&st=2026-01-01T00:00:00Z&se=2099-01-01T00:00:00Z&spr=https&sv=2022-11-02&sr=c&sig=%s"\n' % sig,
             "c9-pub-sas-%d" % i, "azure-sas", sig, "https://learn.microsoft.com/en-us/rest/api/storageservices/create-service-sas",
             alt=[urllib.parse.unquote(sig)])
    # an AWS access key id in a presigned URL's X-Amz-Credential (public by design)
    for i in range(2):
        r = R("n-pub-presigned-%d" % i)
        ak = "AKIA" + r.s("b32", 16)
        negf("presigned%d/get-download-url.rst" % i, '    "downloadUrl": "https://bucket.s3.us-west-2.amazonaws.com/layer?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20190814T220617Z&X-Amz-SignedHeaders=host&X-Amz-Expires=3600&X-Amz-Credential=%s%%2F20190814%%2Fus-west-2%%2Fs3%%2Faws4_request&X-Amz-Signature=%s"\n' % (ak, r.s("hex", 64)),
             "n-pub-presigned-%d" % i, "aws", ak, "https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html")
    # a CircleCI status-badge token in a README, and a token in a CI variable
    for i in range(2):
        r = R("n-pub-badge-%d" % i)
        t = r.s("hex", 40)
        negf("badge%d/README.md" % i, "# app\n\n[![CircleCI](https://circleci.com/gh/acme/app/tree/main.svg?style=svg&circle-token=%s)](https://circleci.com/gh/acme/app/tree/main)\n" % t,
             "n-pub-badge-%d" % i, "circleci", t, "https://circleci.com/docs/status-badges/")
        r = R("c9-pub-badge-%d" % i)
        t = r.s("hex", 40)
        posf("badge%d/ci.env" % i, "CIRCLECI_TOKEN=%s\n" % t, "c9-pub-badge-%d" % i, "circleci", t,
             "https://circleci.com/docs/managing-api-tokens/")
    # a test account's password in a project's online tests, and a deploy account's in a script
    for i in range(2):
        r = R("n-pub-testacct-%d" % i)
        pw = r.s("an", 20)
        negf("testacct%d/tests/online/clone.c" % i, '#define REPO_URL_WITH_PASS "https://acme-test:%s@bitbucket.org/acme-test/testrepo.git"\n' % pw,
             "n-pub-testacct-%d" % i, "url-basic-auth", pw, "https://datatracker.ietf.org/doc/html/rfc3986#section-3.2.1")
        r = R("c9-pub-testacct-%d" % i)
        pw = r.s("an", 20)
        posf("testacct%d/scripts/mirror.sh" % i, 'git clone "https://deploy-bot:%s@bitbucket.org/acme/app.git"\n' % pw,
             "c9-pub-testacct-%d" % i, "url-basic-auth", pw, "https://datatracker.ietf.org/doc/html/rfc3986#section-3.2.1")
    # published example values in library docstrings and tests
    docs = [
        ("oauth1", "0685bd9184jfhq22", "oauthlib/parameters.py", '        Authorization: OAuth realm="Example",\n            oauth_consumer_key="0685bd9184jfhq22",\n', "https://www.rfc-editor.org/rfc/rfc5849#section-3.5.1"),
        ("oauth1", "kd94hf93k423kf44", "tests/test_signature.py", "    client_secret = 'kd94hf93k423kf44'\n", "https://www.rfc-editor.org/rfc/rfc5849#section-1.2"),
        ("generic", "askfjh234as9sd8", "oauthlib/request_validator.py", "            {\n                'access_token': 'askfjh234as9sd8',\n", ISSUE),
        ("url-basic-auth", "pass%2fis%40bad", "tests/network/url/parse.c", '\t\t"https://user:pass%2fis%40bad@hostname.com:1234/"));\n', ISSUE),
        ("generic", "CLSID\\{adb880a6-d8ff-11cf-9377-00aa003b7a11}\\InprocServer32", "src/htmlhelp.pas", "  HHPathRegKey = 'CLSID\\{adb880a6-d8ff-11cf-9377-00aa003b7a11}\\InprocServer32';\n", ISSUE),
        ("generic", "6595b64144ccf1df", "resources/app.manifest", '<assemblyIdentity type="win32" name="Microsoft.Windows.Common-Controls" version="6.0.0.0" processorArchitecture="*" publicKeyToken="6595b64144ccf1df" language="*"/>\n', "https://learn.microsoft.com/en-us/windows/win32/sbscs/assembly-manifests"),
        ("generic", "48205d4ffd7feba3", "schemas/providers/us_east_1.py", '    "AWS::ApiGateway::ApiKey": "48205d4ffd7feba3",\n', ISSUE),
        ("generic", "1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d", "models.py", '        self.update_token = "1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d"\n', ISSUE),
    ]
    for i, (prov, v, path, text, ref) in enumerate(docs):
        negf("doc%d/%s" % (i, path), text, "n-pub-doc-%d" % i, prov, v, ref)


def png(r, w, h):
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    raw = b"".join(b"\x00" + r.raw(w * 3) for _ in range(h))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


# --------------------------------------------------------------------------------------------
def build():
    c = Corpus()
    gen_generic(c)
    gen_placeholder_filter(c)
    gen_prefix_real(c)
    gen_credfiles(c)
    gen_hashes(c)
    gen_framework(c)
    gen_older(c)
    gen_encodings(c)
    gen_longtail(c)
    gen_keys_and_misc(c)
    gen_negatives(c)
    gen_published(c)
    longtail2.gen_negatives(c, sys.modules[__name__])
    credfiles2.gen(c, sys.modules[__name__])
    return c


def serialize(c):
    """Every file of the corpus as bytes, by path relative to tests/corpus."""
    out = {}
    for path, data in c.files.items():
        out["tree/" + path] = data if isinstance(data, bytes) else data.encode("utf-8")
    out["manifest.jsonl"] = "".join(json.dumps(e, sort_keys=True, ensure_ascii=False) + "\n"
                                    for e in sorted(c.entries, key=lambda e: e["id"])).encode("utf-8")
    return out


def write(c, root):
    tree = os.path.join(root, "tree")
    if os.path.isdir(tree):
        shutil.rmtree(tree)
    for rel, data in sorted(serialize(c).items()):
        full = os.path.join(root, rel)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as f:
            f.write(data)


def check(c, root):
    want = serialize(c)
    bad = []
    for rel, data in sorted(want.items()):
        full = os.path.join(root, rel)
        try:
            with open(full, "rb") as f:
                if f.read() != data:
                    bad.append(rel)
        except OSError:
            bad.append(rel + " (missing)")
    for dirpath, _, names in os.walk(os.path.join(root, "tree")):
        for n in names:
            rel = os.path.relpath(os.path.join(dirpath, n), root)
            if rel not in want:
                bad.append(rel + " (not generated)")
    return bad


def main():
    c = build()
    if "--check" in sys.argv[1:]:
        bad = check(c, HERE)
        if bad:
            print("corpus differs from generate.py's output (%d files), e.g.:" % len(bad))
            for b in bad[:20]:
                print("  " + b)
            print("rerun: python3 tests/corpus/generate.py")
            return 1
        print("corpus matches generate.py (%d files, %d entries)" % (len(c.files), len(c.entries)))
        return 0
    write(c, HERE)
    P = [e for e in c.entries if e["kind"] == "positive"]
    N = [e for e in c.entries if e["kind"] == "negative"]
    provs = {e["provider"] for e in P if e["class"] == 9}
    print("wrote %d files: %d positives (%d long-tail providers), %d negatives" % (len(c.files), len(P), len(provs), len(N)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
