# SPDX-License-Identifier: Apache-2.0
# keyhound image end to end, on images real tools write (umoci builds an OCI layout,
# skopeo turns it into a docker archive and an OCI tar, no daemon, no network):
# layer provenance, a .env deleted by a later layer, config Env and history, a jar and a
# .tgz in a layer, every input form, each corruption, a zip bomb, the limits.
. "$(dirname "$0")/lib.sh" || exit 1
: "${T:?lib.sh must set T}"
write_rules

TOKEN_ENV=tok_E1b2C3d4E5f6G7h8I9j0K1l2
TOKEN_HIST=tok_H1b2C3d4E5f6G7h8I9j0K1l2
TOKEN_JAR=tok_J1b2C3d4E5f6G7h8I9j0K1l2
TOKEN_TGZ=tok_T1b2C3d4E5f6G7h8I9j0K1l2
TOKEN_DOTENV=tok_D1b2C3d4E5f6G7h8I9j0K1l2

# ---- the image: base, app (.env, jar, tgz), a layer deleting the .env, config ----
OCI=$T/oci
B=$T/bundle
umoci init --layout "$OCI" >/dev/null
umoci new --image "$OCI:app" >/dev/null
repack() { # $1: history line; the bundle's rootfs becomes a new layer
	umoci repack --image "$OCI:app" --history.created_by "$1" "$B" >/dev/null
	rm -rf "$B"
	umoci unpack --rootless --image "$OCI:app" "$B" >/dev/null 2>&1
}
umoci unpack --rootless --image "$OCI:app" "$B" >/dev/null 2>&1
mkdir -p "$B/rootfs/etc"
echo 'ID=test' >"$B/rootfs/etc/os-release"
repack "ADD rootfs /"
mkdir -p "$B/rootfs/app/config" "$B/rootfs/app/lib" "$T/tgz/deploy"
printf 'DB_URL=x\nAPI_TOKEN=%s\n' "$TOKEN_DOTENV" >"$B/rootfs/app/config/.env"
python3 - "$B/rootfs/app/lib/app.jar" "$TOKEN_JAR" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n")
    z.writestr("BOOT-INF/classes/application.properties", "service.token=%s\n" % sys.argv[2])
PY
printf 'TOKEN=%s\n' "$TOKEN_TGZ" >"$T/tgz/deploy/ci.env"
tar -czf "$B/rootfs/app/bundle.tgz" -C "$T/tgz" deploy
repack "COPY app /app"
rm "$B/rootfs/app/config/.env"
repack "RUN rm /app/config/.env"
umoci config --image "$OCI:app" --config.env "API_TOKEN=$TOKEN_ENV" \
	--history.created_by "ARG DEPLOY_TOKEN=$TOKEN_HIST" >/dev/null
skopeo copy -q "oci:$OCI:app" "docker-archive:$T/app-docker.tar:app:1"
skopeo copy -q "oci:$OCI:app" "oci-archive:$T/app-oci.tar"

# ---- findings, with their place in the image ----
run_kh image "${RULES[@]}" "$T/app-docker.tar" --format jsonl
check "docker archive: exit 1 on findings" [ "$RC" = 1 ]
echo "$OUT" >"$T/d.jsonl"
check "the deleted .env is found, in layer 1, deleted by layer 2" jsonl_check \
	'any(f["path"]=="app/config/.env" and f["rule_id"]=="test-token" and f["layer_index"]==1 and f["deleted_in_layer"] and f["deleted_in_layer"]!=f["layer"] and f["created_by"]=="COPY app /app" for f in fs)' "$T/d.jsonl"
check "the .env path rule fires on the layer path" jsonl_check \
	'any(f["path"]=="app/config/.env" and f["rule_id"]=="test-env" for f in fs)' "$T/d.jsonl"
check "token in Env, with config_field" jsonl_check \
	'any(f["config_field"]=="Env[0]" and f["rule_id"]=="test-token" and f["layer"] is None for f in fs)' "$T/d.jsonl"
check "token in a history created_by" jsonl_check \
	'any(f["config_field"] and f["config_field"].startswith("history[") and f["config_field"].endswith("].created_by") for f in fs)' "$T/d.jsonl"
check "secret in a jar in a layer" jsonl_check \
	'any(f["path"]=="app/lib/app.jar!BOOT-INF/classes/application.properties" and f["layer_index"]==1 and not f["deleted_in_layer"] for f in fs)' "$T/d.jsonl"
check "secret in a .tgz in a layer" jsonl_check \
	'any(f["path"]=="app/bundle.tgz!deploy/ci.env" for f in fs)' "$T/d.jsonl"
check "image is the archive's tag, platform and diff_id set" jsonl_check \
	'all(f["image"]=="docker.io/library/app:1" and f["platform"]=="linux/amd64" and f["source"]=="image" for f in fs) and all(f["layer"].startswith("sha256:") for f in fs if f["path"])' "$T/d.jsonl"
python3 - "$T/d.jsonl" >"$T/d.keys" <<'PY'
import json, sys
for l in open(sys.argv[1]):
    f = json.loads(l)
    print(f["rule_id"], f["path"], f["config_field"], f["layer"], f["layer_index"], f["deleted_in_layer"], f["created_by"], f["line"])
PY

same_as_docker() { # $1: name, rest: keyhound image arguments
	local name=$1
	shift
	run_kh image "${RULES[@]}" "$@" --format jsonl
	echo "$OUT" >"$T/x.jsonl"
	python3 - "$T/x.jsonl" >"$T/x.keys" <<'PY'
import json, sys
for l in open(sys.argv[1]):
    f = json.loads(l)
    print(f["rule_id"], f["path"], f["config_field"], f["layer"], f["layer_index"], f["deleted_in_layer"], f["created_by"], f["line"])
PY
	check "$name: exit 1" [ "$RC" = 1 ]
	check "$name: the same findings as the docker archive" cmp -s "$T/d.keys" "$T/x.keys"
}
same_as_docker "OCI folder" "$OCI"
same_as_docker "OCI tar" "$T/app-oci.tar"
run_kh image "${RULES[@]}" - --format jsonl <"$T/app-docker.tar"
echo "$OUT" >"$T/s.jsonl"
check "stdin: the docker archive read from a pipe" jsonl_check \
	'len(fs) >= 6 and any(f["path"]=="app/config/.env" and f["layer_index"]==1 for f in fs)' "$T/s.jsonl"
gzip -c "$T/app-docker.tar" >"$T/app-docker.tar.gz"
same_as_docker "gzip-compressed docker archive" "$T/app-docker.tar.gz"

run_kh image "${RULES[@]}" "$T/app-docker.tar"
check "human output names layer, image and deletion" bash -c "grep -q 'layer 1' '$T/.out' && grep -q 'docker.io/library/app:1' '$T/.out' && grep -qi 'deleted in layer' '$T/.out'"

# ---- platforms ----
run_kh image "${RULES[@]}" "$OCI" --platform linux/amd64 --format jsonl
check "--platform of the image: exit 1" [ "$RC" = 1 ]
run_kh image "${RULES[@]}" "$OCI" --platform linux/arm64 --format json
check "--platform the image lacks: exit 2" [ "$RC" = 2 ]
check "--platform the image lacks: says what it has" grep -q 'no image for platform linux/arm64.*linux/amd64' "$T/.out"

# ---- a root filesystem tar (docker export) ----
mkdir -p "$T/rootfs/etc"
printf 'TOKEN=%s\n' "$TOKEN_ENV" >"$T/rootfs/etc/app.conf"
tar -cf "$T/export.tar" -C "$T/rootfs" .
run_kh image "${RULES[@]}" "$T/export.tar" --format jsonl
check "root filesystem tar: finding at its path" bash -c "[ $RC = 1 ] && echo '$OUT' | grep -q '\"path\":\"etc/app.conf\"'"

# ---- corruption: an error naming the part, the rest still scanned ----
cp -r "$OCI" "$T/badgz"
layer1=$(python3 - "$T/badgz" <<'PY'
import json, sys, os
d = sys.argv[1]
idx = json.load(open(os.path.join(d, "index.json")))
m = json.load(open(os.path.join(d, "blobs", *idx["manifests"][0]["digest"].split(":"))))
print(m["layers"][1]["digest"].split(":")[1])
PY
)
python3 - "$T/badgz/blobs/sha256/$layer1" <<'PY'
import sys
p = sys.argv[1]; b = bytearray(open(p, "rb").read())
for i in range(20, len(b) - 8): b[i] ^= 0x5a
open(p, "wb").write(bytes(b))
PY
run_kh image "${RULES[@]}" "$T/badgz" --format json
echo "$OUT" >"$T/badgz.json"
check "bad gzip in one layer: error names the layer" grep -q "blobs/sha256/$layer1" "$T/badgz.json"
check "bad gzip in one layer: config still scanned, exit 1" bash -c "[ $RC = 1 ] && grep -q 'Env\[0\]' '$T/badgz.json'"

cp -r "$OCI" "$T/missing"
rm "$T/missing/blobs/sha256/$layer1"
run_kh image "${RULES[@]}" "$T/missing" --format json
check "manifest naming a missing blob: an error saying so" grep -q "named by the manifest is missing" "$T/.out"

cp -r "$OCI" "$T/badjson"
echo '{"schemaVersion": 2, "manifests": [' >"$T/badjson/index.json"
run_kh image "${RULES[@]}" "$T/badjson" --format json
check "malformed index.json: exit 2, error names the file" bash -c "[ $RC = 2 ] && grep -q 'index.json' '$T/.out' && grep -q 'malformed JSON' '$T/.out'"

size=$(stat -c %s "$T/app-docker.tar")
head -c $((size / 2)) "$T/app-docker.tar" >"$T/trunc.tar"
run_kh image "${RULES[@]}" "$T/trunc.tar" --format json
# where the cut falls decides which error names it (a truncated member, or the manifest
# that never came); either way the summary must carry an error for the archive
check "truncated archive: an error names it" python3 -c "
import json, sys; d = json.load(open(sys.argv[1]))
assert any('trunc.tar' in e['location'] or 'layer' in e['reason'] for e in d['summary']['errors'])" "$T/.out"
check "truncated archive: exit 1 or 2, never 0" [ "$RC" != 0 ]
head -c 5000 "$T/app-docker.tar" >"$T/trunc2.tar"
run_kh image "${RULES[@]}" - --format json <"$T/trunc2.tar"
check "truncated stream with nothing found: exit 2" [ "$RC" = 2 ]

# ---- limits: each an option, each counted ----
run_kh image "${RULES[@]}" "$T/app-docker.tar" --format json --max-archive-depth 0
check "--max-archive-depth 0: the jar is not opened" bash -c "! grep -q 'app.jar!' '$T/.out'"
check "--max-archive-depth 0: counted" grep -q '"max-archive-depth"' "$T/.out"
run_kh image "${RULES[@]}" "$T/app-docker.tar" --format json --max-file-size 20
check "--max-file-size: counted" grep -q '"max-file-size"' "$T/.out"

# a zip bomb in a layer: a counted skip, the rest of the image still scanned
rm -rf "$B"
umoci unpack --rootless --image "$OCI:app" "$B" >/dev/null 2>&1
python3 - "$B/rootfs/app/bomb.zip" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for i in range(40):
        z.writestr("zeros%02d.bin" % i, b"\0" * (8 << 20))
PY
repack "COPY bomb.zip /app"
run_kh image "${RULES[@]}" "$OCI" --format json
check "zip bomb: counted as max-ratio" grep -q '"max-ratio"' "$T/.out"
check "zip bomb: the rest still found" bash -c "[ $RC = 1 ] && grep -q 'Env\[0\]' '$T/.out'"

# a gzip layer bomb: a counted skip
run_kh image "${RULES[@]}" "$OCI" --format json --max-decompressed 1MB
check "--max-decompressed: a layer over it is counted" grep -q '"max-decompressed"' "$T/.out"

[ -n "${KH_KEEP:-}" ] && cp -r "$T" "$KH_KEEP"
finish
