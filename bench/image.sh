#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Image scan benchmark: keyhound on a real-sized gzip OCI layout against the floor of only
# decompressing every layer (zcat), on the same image as a docker archive (uncompressed
# layers) against reading the file, and peak memory on a small and the full image (it
# must not grow with the image's size).
#
# The image: /usr of this machine packed into base layers (umoci raw add-layer, gzip),
# plus application layers with planted secrets (.env deleted later, a jar, a .tgz).
# Usage: bench/image.sh [WORKDIR]     env: KH_BIN (default build/keyhound), RUNS (3)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
kh=${KH_BIN:-$root/build/keyhound}
work=${1:-/tmp/kh-bench-image}
runs=${RUNS:-3}
mkdir -p "$work"

app_layers() { # $1: oci dir:tag
	python3 - "$work/app" <<'PY'
import io, gzip, os, random, sys, tarfile, zipfile
out = sys.argv[1]; os.makedirs(out, exist_ok=True)
rnd = random.Random(7)
alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
gh = "ghp_" + "".join(rnd.choice(alnum) for _ in range(36))
aws = "AKIA" + "".join(rnd.choice(upper) for _ in range(16))
def tar(name, files):
    with tarfile.open(os.path.join(out, name), "w", format=tarfile.PAX_FORMAT) as t:
        for path, data in files:
            ti = tarfile.TarInfo(path); ti.size = len(data); ti.mode = 0o644
            t.addfile(ti, io.BytesIO(data))
jar = io.BytesIO()
with zipfile.ZipFile(jar, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("BOOT-INF/classes/application.properties", "aws.accessKeyId=%s\n" % aws)
    for i in range(200):
        z.writestr("BOOT-INF/classes/com/example/C%d.class" % i, os.urandom(2048))
inner = io.BytesIO()
with tarfile.open(fileobj=inner, mode="w:gz") as t:
    data = ("GITHUB_TOKEN=%s\n" % gh).encode()
    ti = tarfile.TarInfo("deploy/ci.env"); ti.size = len(data); t.addfile(ti, io.BytesIO(data))
tar("app1.tar", [("app/config/.env", ("GITHUB_TOKEN=%s\n" % gh).encode()),
                 ("app/lib/app.jar", jar.getvalue()), ("app/bundle.tgz", inner.getvalue())])
tar("app2.tar", [("app/config/.wh..env", b""), ("app/README", b"nothing to see\n")])
PY
	umoci raw add-layer --image "$1" --history.created_by "COPY app /app" "$work/app/app1.tar"
	umoci raw add-layer --image "$1" --history.created_by "RUN rm /app/config/.env" "$work/app/app2.tar"
}

build() { # $1: name, $2...: folders of / packed one per layer
	local name=$1; shift
	[ -f "$work/$name.done" ] && return
	rm -rf "$work/$name" "$work/$name.docker.tar"
	umoci init --layout "$work/$name" >/dev/null
	umoci new --image "$work/$name:bench"
	for d in "$@"; do
		tar -C / -cf "$work/layer.tar" "$d"
		umoci raw add-layer --image "$work/$name:bench" --history.created_by "ADD $d" "$work/layer.tar"
	done
	rm -f "$work/layer.tar"
	app_layers "$work/$name:bench"
	skopeo copy -q "oci:$work/$name:bench" "docker-archive:$work/$name.docker.tar:bench:1"
	touch "$work/$name.done"
}

echo "building images in $work (once)..." >&2
build small usr/sbin
build full usr/lib/x86_64-linux-gnu usr/share usr/bin usr/sbin
# the same with its two largest folders again, under another name (the same bytes would be
# the same blob): more bytes and layers, the same largest files
if [ ! -f "$work/double.done" ]; then
	rm -rf "$work/double"
	cp -r "$work/full" "$work/double"
	for d in usr/share usr/lib/x86_64-linux-gnu; do
		tar -C / -cf "$work/layer.tar" --transform 's,^,copy/,' "$d"
		umoci raw add-layer --image "$work/double:bench" --history.created_by "ADD $d again" "$work/layer.tar"
	done
	rm -f "$work/layer.tar"
	touch "$work/double.done"
fi

layers() { # compressed layer blobs of an OCI layout
	python3 - "$1" <<'PY'
import json, os, sys
d = sys.argv[1]
idx = json.load(open(os.path.join(d, "index.json")))
m = json.load(open(os.path.join(d, "blobs", *idx["manifests"][0]["digest"].split(":"))))
print(" ".join(os.path.join(d, "blobs", *l["digest"].split(":")) for l in m["layers"]))
PY
}

size() { du -sb "$1" | cut -f1; }
mb() { awk -v b="$1" 'BEGIN { printf "%.0f MB", b / 1e6 }'; }
peak() { /usr/bin/time -f %M "$@" >/dev/null 2>"$work/time.err" || true; tail -1 "$work/time.err"; }
# CPU seconds (user + sys) of one run: on a shared machine elapsed time follows its load
cpu() { /usr/bin/time -f "%U %S" "$@" >/dev/null 2>"$work/time.err" || true; tail -1 "$work/time.err" | awk '{ printf "%.1f", $1 + $2 }'; }
mean() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print(" ".join("%.3f" % x["mean"] for x in r))' "$1"; }

full=$work/full
uncompressed=$(size "$work/full.docker.tar")
echo "image: $(mb "$(size "$full")") as gzip OCI layout, $(mb "$uncompressed") as docker archive, $(python3 -c 'import json,sys;print(len(json.load(open(sys.argv[1]))[0]["Layers"]))' <(tar -xOf "$work/full.docker.tar" manifest.json)) layers"

# hyperfine sends each command's output to /dev/null; -i: keyhound exits 1 on findings
hyperfine -N -i -w 1 -r "$runs" --export-json "$work/oci.json" \
	"zcat $(layers "$full")" "$kh image $full --format jsonl" >/dev/null 2>&1
read -r floor t_oci <<<"$(mean "$work/oci.json")"
echo "gzip OCI layout: keyhound $t_oci s, floor (zcat every layer) $floor s, ratio $(awk -v a="$t_oci" -v b="$floor" 'BEGIN{printf "%.2f", a/b}') (target <= 1.3)"

hyperfine -N -i -w 1 -r "$runs" --export-json "$work/docker.json" \
	"cat $work/full.docker.tar" "$kh image $work/full.docker.tar --format jsonl" >/dev/null 2>&1
read -r floor t_docker <<<"$(mean "$work/docker.json")"
echo "docker archive: keyhound $t_docker s ($(awk -v b="$uncompressed" -v t="$t_docker" 'BEGIN{printf "%.0f", b/t/1e6}') MB/s), floor (reading the file) $floor s"

echo "CPU seconds, one run each: zcat $(cpu zcat $(layers "$full")), keyhound OCI $(cpu "$kh" image "$full" --format jsonl); cat $(cpu cat "$work/full.docker.tar"), keyhound docker archive $(cpu "$kh" image "$work/full.docker.tar" --format jsonl)"
echo "peak RSS (OCI): small image $(peak "$kh" image "$work/small" --format jsonl) KB, full $(peak "$kh" image "$full" --format jsonl) KB, double ($(mb "$(size "$work/double")")) $(peak "$kh" image "$work/double" --format jsonl) KB; full with --max-file-size 1MB $(peak "$kh" image "$full" --format jsonl --max-file-size 1MB) KB; docker archive from stdin $(peak sh -c "$kh image - --format jsonl <$work/full.docker.tar") KB"
"$kh" image "$full" --format jsonl | python3 -c '
import json, sys
for line in sys.stdin:
    f = json.loads(line)
    print("finding:", f.get("rule_id"), f.get("path") or f.get("config_field"), "layer_index=%s" % f.get("layer_index"), "deleted_in_layer=%s" % bool(f.get("deleted_in_layer")))' | sort | uniq -c | head -20
