# SPDX-License-Identifier: Apache-2.0
# Keyword-only rules and hex-shaped values (scanner/filter/judge.c): a hex key, a UUID
# or a prefixed hex key under a name that says credential is a finding; the same
# shapes under names that say id, type or public key are not. Code and timestamps read
# out of an assignment (a call, a member access, an ISO 8601 time, as real trees hold
# under such names) are not secrets; a password holding parentheses still is. Names of
# places and cipher suites under a secret's name are words to the byte-pair measure (few
# tokens a byte), where the trigram model of English found them random.
. "$(dirname "$0")/lib.sh" || exit 1
: "${T:?lib.sh must set T}"

cd "$T" || exit 1
printf '{}\n' >empty.yml
mkdir -p loud quiet
hex() { head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n' | head -c "$2"; }
uuid=$(python3 -c 'import uuid; print(uuid.uuid4())')
h20=$(hex 16 20)
h32=$(hex 16 32)
h16=$(hex 8 16)

printf 'export MODERATION_API_KEY="%s"\n' "$h32" >loud/deploy.sh
printf 'GETEMAIL_API_KEY=%s\n' "$h20" >loud/app.env
printf 'const nftportApiKey = "%s";\n' "$uuid" >loud/client.ts
printf "    'commerce_secret_key' => 'sk_%s',\n" "$h32" >loud/config.php
printf '$pw = ConvertTo-SecureString "%s" -AsPlainText -Force\n' "Zq8!$h16" >loud/backup.ps1
printf 'SERVICE_API_TOKEN = "Wq7zR(k2Lp9xT%s)"\n' "$h16" >loud/settings.py

printf 'request_id: %s\n' "$uuid" >quiet/config.yml
printf '    "AWS::ApiGateway::ApiKey": "%s",\n' "$h16" >quiet/schema.py
printf '<assemblyIdentity name="x" publicKeyToken="%s" language="*"/>\n' "$h16" >quiet/app.manifest
printf 'sort_key = "%s"\n' "$h20" >quiet/model.py
printf 'SERVICE_API_TOKEN = "%s"\n' 'os.fstat(fp.fileno())' >quiet/code1.py
printf 'const accessToken = "%s";\n' 'LBF->getScope();' >quiet/code2.js
printf 'api_secret: "%s"\n' 'x86_64::Delta64FromGOT' >quiet/code3.yml
printf 'SESSION_TOKEN = "%s"\n' '2016-01-25T21:43:38.612Z' >quiet/stamp.py
printf 'CLIENT_SECRET = "%s"\n' 'DH-DSS-AES128-GCM-SHA256' >quiet/cipher.py
printf 'service:\n  api_token: "%s"\n' 'Svalbarðsstrandarhreppur' >quiet/place.yml
printf 'SERVICE_API_TOKEN = "%s"\n' 'Hódmezővásárhely' >quiet/town.py

run_kh scan loud --config empty.yml --format jsonl --min-confidence low --no-progress -o loud.jsonl
for f in deploy.sh app.env client.ts config.php backup.ps1 settings.py; do
	check "a credential in $f is found" jsonl_check "any(f['path'].endswith('$f') for f in fs)" loud.jsonl
done
run_kh scan quiet --config empty.yml --format jsonl --min-confidence low --no-progress
check "ids, type names and public key tokens are quiet (got: $(printf '%s' "$OUT" | cut -c1-200))" \
	test "$RC" -eq 0 -a -z "$OUT"
finish
