# SPDX-License-Identifier: Apache-2.0
# One per-blob rule for every source: the same key store over --max-file-size, met in a
# folder, on stdin, in git history, inside a zip and in an image layer, is counted as one
# max-file-size skip and reported by its path rule the same way each time. A zip over the
# limit is still opened (streamed) and its small members matched.
. "$(dirname "$0")/lib.sh" || exit 1
: "${T:?lib.sh must set T}"
write_rules
cat >"$T/rules/store.yml" <<'YML'
rules:
  - id: test-keystore
    name: Test key store
    paths: ['*.p12']
    severity: high
    confidence: high
YML
RULES=(--no-default-rules --rules "$T/rules" --max-file-size 200)
TOKEN=tok_Z1b2C3d4E5f6G7h8I9j0K1l2

mkdir -p "$T/src/certs" "$T/zip"
head -c 300 /dev/urandom >"$T/src/certs/client.p12"

# the zip: the key store stored as is, and a small text member with a token
python3 - "$T/zip/bundle.zip" "$T/src/certs/client.p12" "$TOKEN" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_STORED) as z:
    z.write(sys.argv[2], "certs/client.p12")
    z.writestr("app.env", "TOKEN=%s\n" % sys.argv[3])
PY

# history
git init -q "$T/repo"
cp -r "$T/src/certs" "$T/repo/"
git -C "$T/repo" add certs
git -C "$T/repo" -c user.name=t -c user.email=t@example.com commit -qm "key store"

# an image (docker save layout) whose one layer holds the key store
python3 - "$T/image.tar" "$T/src/certs/client.p12" <<'PY'
import hashlib, io, json, sys, tarfile
def tar_bytes(files):
    b = io.BytesIO()
    with tarfile.open(fileobj=b, mode="w") as t:
        for name, data in files:
            ti = tarfile.TarInfo(name); ti.size = len(data)
            t.addfile(ti, io.BytesIO(data))
    return b.getvalue()
layer = tar_bytes([("certs/client.p12", open(sys.argv[2], "rb").read())])
diff = hashlib.sha256(layer).hexdigest()
cfg = json.dumps({"architecture": "amd64", "os": "linux",
                  "rootfs": {"type": "layers", "diff_ids": ["sha256:" + diff]},
                  "history": [{"created_by": "COPY certs /certs"}]}).encode()
cid = hashlib.sha256(cfg).hexdigest()
man = json.dumps([{"Config": cid + ".json", "RepoTags": ["t:1"], "Layers": [diff + "/layer.tar"]}]).encode()
open(sys.argv[1], "wb").write(tar_bytes([(diff + "/layer.tar", layer), (cid + ".json", cfg),
                                         ("manifest.json", man)]))
PY

"$KH" scan "${RULES[@]}" "$T/src" --format json >"$T/folder.json"
"$KH" scan "${RULES[@]}" - --stdin-path certs/client.p12 --format json <"$T/src/certs/client.p12" >"$T/stdin.json"
"$KH" git "${RULES[@]}" "$T/repo" --format json >"$T/history.json"
"$KH" scan "${RULES[@]}" "$T/zip" --format json >"$T/zip.json"
"$KH" image "${RULES[@]}" "$T/image.tar" --format json >"$T/image.json"

# what a user compares: the rule, its severity and confidence, the place, the count of skips
same() {
	python3 - "$@" <<'PY'
import json, sys
want = None
for path, where in zip(sys.argv[1::2], sys.argv[2::2]):
    d = json.load(open(path))
    fs = [f for f in d["findings"] if f["rule_id"] == "test-keystore"]
    got = [(f["rule_id"], f["severity"], f["confidence"], f["line"], f["column"]) for f in fs]
    paths = [f["root_path"] for f in fs]
    skips = d["summary"]["skipped"].get("max-file-size")
    print(path, got, paths, skips)
    if len(fs) != 1 or paths[0] != where or skips != 1:
        sys.exit(1)
    if want is None:
        want = got
    elif got != want:
        sys.exit(1)
PY
}
check "the oversized key store is reported the same from a folder, stdin, history, a zip and an image layer" \
	same "$T/folder.json" certs/client.p12 "$T/stdin.json" certs/client.p12 \
	"$T/history.json" certs/client.p12 "$T/zip.json" 'bundle.zip!certs/client.p12' \
	"$T/image.json" certs/client.p12
check "the image finding keeps its layer" \
	python3 -c 'import json,sys; f=json.load(open(sys.argv[1]))["findings"][0]; sys.exit(f.get("layer_index") != 0 or "COPY certs" not in (f.get("created_by") or ""))' "$T/image.json"
check "a zip over --max-file-size is opened: its small member is matched" \
	python3 -c 'import json,sys; fs=json.load(open(sys.argv[1]))["findings"]; sys.exit(not any(f["rule_id"]=="test-token" and f["root_path"]=="bundle.zip!app.env" for f in fs))' "$T/zip.json"

# the streamed zip stays within the archive limits
"$KH" scan "${RULES[@]}" "$T/zip" --max-archive-entries 1 --format json >"$T/zip-limit.json"
check "a streamed zip stops at --max-archive-entries" \
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(d["summary"]["skipped"].get("max-archive-entries") != 1 or any(f["rule_id"]=="test-token" for f in d["findings"]))' "$T/zip-limit.json"
# a large file that is not an archive is still only skipped
head -c 300 /dev/urandom | base64 >"$T/src/big.txt"
"$KH" scan "${RULES[@]}" "$T/src/big.txt" --format json >"$T/big.json"
check "a large file that is no archive is a max-file-size skip" \
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(d["summary"]["skipped"].get("max-file-size") != 1 or len(d["findings"]) > 0)' "$T/big.json"
# one size parser: what strtod would take as nan or inf is no size
for bad in nan inf -1MB 1e999; do
	"$KH" scan --no-default-rules --rules "$T/rules" --max-file-size "$bad" "$T/src" >/dev/null 2>"$T/size.err"
	rc=$?
	check "--max-file-size $bad is refused" [ "$rc" = 2 ]
done
finish
