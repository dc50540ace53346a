# SPDX-License-Identifier: Apache-2.0
# Secrets nobody needs to rotate (scanner/filter/published.c), with the shipped rules:
# each case is planted twice, once where it is published or dead (a test suite's key,
# a manual page, an expired JWT or SAS, a presigned URL, a README badge, a test
# account's pair in a test suite, RFC 5849's example credentials, keyboard mashing)
# and once where it is a leak, which must still be reported.
. "$(dirname "$0")/lib.sh" || exit 1
: "${T:?lib.sh must set T}"

cd "$T" || exit 1
printf '{}\n' >empty.yml
mkdir -p quiet/test/certdata quiet/man/man5 quiet/tests/online loud/config loud/src loud/deploy

# a fresh private key: in a test suite's certificate folder, and in a service's config
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out loud/config/server.key 2>/dev/null
cp loud/config/server.key quiet/test/certdata/keycert.pem

# a WireGuard key in a manual page's example, and in a real netdev file
wg=$(head -c 32 /dev/urandom | base64)
printf '.nf\n[WireGuard]\nPrivateKey=%s\nListenPort=51820\n' "$wg" >quiet/man/man5/systemd.netdev.5
printf '[WireGuard]\nPrivateKey=%s\nListenPort=51820\n' "$wg" >loud/config/wg0.netdev

# JWTs: one that expired in 2019, one that expires in 2096
jwt() {
	python3 - "$1" <<'PY'
import base64, json, os, sys
b = lambda x: base64.urlsafe_b64encode(x).rstrip(b"=").decode()
head = b(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
body = b(json.dumps({"sub": "svc-billing", "iat": 1572006954, "exp": int(sys.argv[1])}).encode())
print(head + "." + body + "." + b(os.urandom(32)))
PY
}
printf 'token = "%s"\n' "$(jwt 1572006964)" >quiet/changelog.txt
printf 'token = "%s"\n' "$(jwt 3993868800)" >loud/src/client.py

# Azure SAS: expired on 2023-12-20, and valid until 2099
sig=$(head -c 32 /dev/urandom | base64 | tr -d '\n' | sed 's|/|%2F|g; s|+|%2B|g; s|=|%3D|g')
printf 'url = "https://acct.blob.core.windows.net/c?sp=r&st=2023-12-20T14:54:52Z&se=2023-12-20T22:54:52Z&spr=https&sv=2021-06-08&sr=c&sig=%s"\n' \
	"$sig" >quiet/sas.py
printf 'url = "https://acct.blob.core.windows.net/c?sp=r&st=2024-01-01T00:00:00Z&se=2099-12-31T00:00:00Z&spr=https&sv=2021-06-08&sr=c&sig=%s"\n' \
	"$sig" >loud/src/sas.py

# an AWS key id: in a presigned URL's X-Amz-Credential, and in a deploy script
akid=AKIA$(head -c 64 /dev/urandom | base32 | tr -d '=\n' | tr -dc 'A-Z2-7' | head -c 16)
printf '"url": "https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=%s%%2F20190215%%2Fus-east-1%%2Fs3%%2Faws4_request&X-Amz-Expires=3600"\n' \
	"$akid" >quiet/presigned.json
printf 'export AWS_ACCESS_KEY_ID=%s\n' "$akid" >loud/deploy/env.sh

# a CircleCI token: in a README status badge, and in a CI variable
ct=$(head -c 20 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf '[![CircleCI](https://circleci.com/gh/acme/app.svg?style=svg&circle-token=%s)](https://circleci.com/gh/acme/app)\n' \
	"$ct" >quiet/README.md
printf 'CIRCLECI_TOKEN=%s\n' "$ct" >loud/deploy/ci.env

# a test account's password in a project's online tests, and a service account's in code
pw=$(head -c 15 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)
printf '#define REPO_URL "https://acme-test:%s@git.example.org/acme/repo.git"\n' "$pw" >quiet/tests/online/clone.c
printf '#define REPO_URL "https://deploy:%s@git.acme-corp.net/acme/repo.git"\n' "$pw" >loud/src/mirror.c

# published example values: RFC 5849's Authorization header, keyboard mashing
printf 'oauth_consumer_key="0685bd9184jfhq22",\noauth_token="ad180jjd733klru7",\n' >quiet/oauth.txt
printf "    'access_token': 'askfjh234as9sd8',\n" >quiet/validator.py
printf "    'access_token': 'aqkfjz234ms9vd8',\n" >loud/src/validator.py

run_kh scan quiet --config empty.yml --format jsonl --min-confidence low --no-progress
check "nothing published or expired is reported (got: $(printf '%s' "$OUT" | cut -c1-300))" \
	test "$RC" -eq 0 -a -z "$OUT"

run_kh scan loud --config empty.yml --format jsonl --min-confidence low --no-progress -o loud.jsonl
check "the scan of the leaks exits 1" test "$RC" -eq 1
for want in "private-key-pkcs8 config/server.key" "wireguard-private-key config/wg0.netdev" \
	"jwt src/client.py" "azure-sas-token src/sas.py" "aws-access-key-id deploy/env.sh" \
	"circleci-legacy-token deploy/ci.env" "url-http-basic-auth src/mirror.c" \
	"generic-api-key src/validator.py"; do
	set -- $want
	check "$1 is still reported in $2" \
		jsonl_check "any(f['rule_id'] == '$1' and f['path'].endswith('$2') for f in fs)" loud.jsonl
done
check "no secret is printed in full" sh -c "! grep -q -e '$pw' -e '$akid' -e '$ct' loud.jsonl"

finish
