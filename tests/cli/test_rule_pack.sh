# SPDX-License-Identifier: Apache-2.0
# The shipped rule pack: 150+ rules, real-format secrets found where they sit, a checksum
# that fails drops the token, and the usual false-alarm shapes stay quiet.
. "$(dirname "$0")/lib.sh"

run_kh rules check
check "the shipped rules pass their own examples" [ "$RC" = 0 ]
check "at least 150 rules ship" python3 -c "import re,sys; sys.exit(0 if int(re.match(r'(\\d+) rules checked', sys.argv[1]).group(1)) >= 150 else 1)" "$OUT"

# Planted secrets, made up here (random, right shapes).
python3 - "$T/planted" <<'PY'
import base64, json, os, secrets, string, sys, zlib
root = sys.argv[1]
A = string.ascii_letters + string.digits
B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
def rnd(n, alpha=A): return ''.join(secrets.choice(alpha) for _ in range(n))
def b62(n):
    s = ''
    while n: s = B62[n % 62] + s; n //= 62
    return s.rjust(6, '0')
def gh(prefix, good=True):
    r = rnd(30)
    c = b62(zlib.crc32(r.encode()))
    if not good: c = c[:-1] + ('A' if c[-1] != 'A' else 'B')
    return prefix + r + c
def w(path, text):
    p = os.path.join(root, path)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    open(p, 'w').write(text)
w('ci/deploy.sh', '#!/bin/sh\nexport GITHUB_TOKEN=%s\n' % gh('ghp_'))
w('ci/old.sh', 'GITHUB_TOKEN=%s\n' % gh('ghp_', good=False))
w('web/.env', 'APP_ENV=production\nSTRIPE_KEY=sk_live_%s\nSESSION_SECRET=%s\n' % (rnd(99), rnd(40)))
w('web/.env.example', 'SESSION_SECRET=%s\n' % rnd(40))
key = base64.b64encode(secrets.token_bytes(1190)).decode()
w('keys/deploy.pem', '-----BEGIN RSA PRIVATE KEY-----\n%s\n-----END RSA PRIVATE KEY-----\n' % '\n'.join(key[i:i+64] for i in range(0, len(key), 64)))
cfg = json.dumps({"auths": {"registry.acme.dev": {"auth": base64.b64encode(('ci:' + rnd(24)).encode()).decode()}}})
w('k8s/regcred.yaml', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: regcred\ntype: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: %s\n' % base64.b64encode(cfg.encode()).decode())
w('app/settings.py', 'DEBUG = False\nDATABASE_URL = "postgres://shop:%s@db.internal:5432/shop"\n' % rnd(20))
PY
run_kh scan "$T/planted" --format jsonl
echo "$OUT" >"$T/planted.jsonl"
check "planted tree exits 1" [ "$RC" = 1 ]
check "GitHub token with a good checksum found" jsonl_check \
	'any(f["rule_id"]=="github-pat" and f["root_path"]=="ci/deploy.sh" and f["line"]==2 for f in fs)' "$T/planted.jsonl"
check "GitHub token with a bad checksum is not reported as one" jsonl_check \
	'not any(f["rule_id"]=="github-pat" and f["root_path"]=="ci/old.sh" for f in fs)' "$T/planted.jsonl"
check "Stripe live key in .env found" jsonl_check \
	'any(f["rule_id"]=="stripe-secret-key" and f["root_path"]=="web/.env" and f["line"]==2 for f in fs)' "$T/planted.jsonl"
check ".env secret found" jsonl_check \
	'any(f["rule_id"]=="dotenv-secret" and f["root_path"]=="web/.env" and f["line"]==3 for f in fs)' "$T/planted.jsonl"
check ".env.example stays quiet" jsonl_check \
	'not any(f["root_path"]=="web/.env.example" for f in fs)' "$T/planted.jsonl"
check "RSA private key found" jsonl_check \
	'any(f["rule_id"]=="private-key-rsa" and f["root_path"]=="keys/deploy.pem" and f["line"]==1 for f in fs)' "$T/planted.jsonl"
check "registry credential inside a Kubernetes Secret found (decoded)" jsonl_check \
	'any(f["rule_id"]=="docker-config-auth" and f["root_path"]=="k8s/regcred.yaml" and f.get("decoded")=="base64" for f in fs)' "$T/planted.jsonl"
check "password in a database URL found" jsonl_check \
	'any(f["rule_id"]=="url-postgres" and f["root_path"]=="app/settings.py" and f["line"]==2 for f in fs)' "$T/planted.jsonl"

# Shapes that look like secrets and are not.
python3 - "$T/quiet" <<'PY'
import base64, json, os, secrets, sys, uuid
root = sys.argv[1]
os.makedirs(root)
def b64(n): return base64.b64encode(secrets.token_bytes(n)).decode()
def w(name, text): open(os.path.join(root, name), 'w').write(text)
w('package-lock.json', json.dumps({"packages": {"node_modules/p%d" % i: {"version": "1.0.0",
   "integrity": "sha512-" + b64(64)} for i in range(100)}}, indent=2))
w('go.sum', ''.join('example.org/p%d v1.0.0 h1:%s\n' % (i, b64(32)) for i in range(100)))
w('SHA256SUMS', ''.join('%s  file%d.tar.gz\n' % (secrets.token_hex(32), i) for i in range(100)))
w('packed-refs', ''.join('%s refs/heads/b%d\n' % (secrets.token_hex(20), i) for i in range(100)))
w('ids.json', json.dumps([{"id": str(uuid.uuid4()), "commit": secrets.token_hex(20)} for i in range(100)]))
w('authorized_keys', ''.join('ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ%s u%d@host\n' % (b64(270), i) for i in range(20)))
w('cert.pem', '-----BEGIN CERTIFICATE-----\n%s\n-----END CERTIFICATE-----\n' % b64(900))
w('style.css', ''.join('.i%d{background:url(data:image/png;base64,%s)}\n' % (i, b64(300)) for i in range(50)))
w('app.py', 'password = os.environ["DB_PASSWORD"]\napi_key = os.getenv("API_KEY")\n'
   'secret = "%(secret)s"\nclient_secret = "{{ client_secret }}"\npassword = "${DB_PASS}"\n')
w('README.md', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n')
PY
run_kh scan "$T/quiet" --format jsonl
check "false-alarm shapes: exit 0" [ "$RC" = 0 ]
check "false-alarm shapes: no findings" [ -z "$OUT" ]

finish
