# SPDX-License-Identifier: Apache-2.0
# Hostile inputs (issue 17): each case ran out of time or memory, read outside what was
# named, hid a finding or reached the terminal raw. Every run is bounded by the harness
# (timeout and ulimit -v around the process), so a hang or a runaway allocation fails the
# check instead of the machine.
. "$(dirname "$0")/lib.sh" || exit 1
: "${T:?lib.sh must set T}"
write_rules

TOK=tok_H1b2C3d4E5f6G7h8I9j0K1l2
TOK2=tok_Z9y8X7w6V5u4T3s2R1q0P9o8
# An AddressSanitizer build reserves terabytes of address space: there only time is bounded.
ASAN=
if ldd "$KH" 2>/dev/null | grep -q libasan; then ASAN=1; fi

# bounded SECONDS MEGABYTES ARGS...: keyhound under a wall clock and an address-space limit,
# stdin from $BOUNDED_IN (default /dev/null); $OUT, $ERR, $RC as run_kh. RC 124/137 is
# the clock, >128 a signal (abort, out of memory).
bounded() {
	local secs=$1 mb=$2
	shift 2
	(
		[ -n "$ASAN" ] || ulimit -v $((mb * 1024))
		exec timeout -k 2 "$secs" "$KH" "$@"
	) >"$T/.out" 2>"$T/.err" <"${BOUNDED_IN:-/dev/null}"
	RC=$?
	OUT=$(cat "$T/.out")
	ERR=$(cat "$T/.err")
}
# in_bounds: the last bounded run ended by itself (no clock, no signal)
in_bounds() { [ "$RC" -lt 124 ]; }
has() { grep -qF -- "$1" "$T/.out" "$T/.err"; }

# ---- image fixtures, written by python (tarfile, gzip) ----
mkimg() { # mkimg KIND OUT: one hostile image per kind
	python3 - "$1" "$2" "$TOK" <<'PY'
import gzip, hashlib, io, json, os, sys, tarfile, zlib
kind, out, tok = sys.argv[1], sys.argv[2], sys.argv[3]
h = lambda b: hashlib.sha256(b).hexdigest()

def tar_bytes(files):
    b = io.BytesIO()
    with tarfile.open(fileobj=b, mode="w", format=tarfile.GNU_FORMAT) as t:
        for name, data in files:
            ti = tarfile.TarInfo(name); ti.size = len(data)
            t.addfile(ti, io.BytesIO(data))
    return b.getvalue()

def zeros_gz(mib):  # gzip members of zeros, concatenated: one compressed MiB at a time
    one = gzip.compress(bytes(1 << 20), 9)
    return one * mib

def oci(layers, extra=(), index=None):
    """An OCI tar: layers (bytes, gzip or not), extra members, an index naming the manifest."""
    cfg = json.dumps({"os": "linux", "architecture": "amd64", "config": {"Env": ["A=1"]},
                      "rootfs": {"type": "layers", "diff_ids": []}}).encode()
    man = json.dumps({"schemaVersion": 2, "config": {"digest": "sha256:" + h(cfg)},
                      "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip",
                                  "digest": "sha256:" + h(l)} for l in layers]}).encode()
    idx = index(man) if index else {"schemaVersion": 2, "manifests": [{"digest": "sha256:" + h(man)}]}
    files = [("blobs/sha256/" + h(b), b) for b in list(layers) + [cfg, man]]
    files += list(extra)
    files += [("index.json", json.dumps(idx).encode()), ("oci-layout", b'{"imageLayoutVersion":"1.0.0"}')]
    return files

secret = ("API_TOKEN=%s\n" % tok).encode()
if kind == "self-index":  # item 1: indexes naming each other 30 times each (and one image)
    layer = gzip.compress(tar_bytes([("app/.env", secret)]))
    files = oci([layer])
    man = [d for n, d in files if n.startswith("blobs/") and b'"layers"' in d][0]
    # X names the image and Y 30 times; Y (stored under a digest nobody checks) names X 30
    # times; index.json names X 30 times: without "each digest once" 30^depth reads
    y_digest = "f" * 64
    x = json.dumps({"schemaVersion": 2, "manifests": [{"digest": "sha256:" + h(man)}] +
                    [{"digest": "sha256:" + y_digest}] * 30}).encode()
    y = json.dumps({"schemaVersion": 2, "manifests": [{"digest": "sha256:" + h(x)}] * 30}).encode()
    files = [(n, d) for n, d in files if n != "index.json"]
    files += [("blobs/sha256/" + h(x), x), ("blobs/sha256/" + y_digest, y),
              ("index.json", json.dumps({"schemaVersion": 2, "manifests":
                                         [{"digest": "sha256:" + h(x)}] * 30}).encode())]
    open(out, "wb").write(tar_bytes(files))
elif kind == "trailing":  # item 4: 1 GiB of zeros after the layer's tar end
    layer = gzip.compress(tar_bytes([("app/.env", secret)])) + zeros_gz(1024)
    open(out, "wb").write(tar_bytes(oci([layer])))
elif kind == "ratio":  # item 8: a 40 MiB zero file, then a key
    z = tar_bytes([("big/zero.bin", bytes(40 << 20)), ("app/.env", secret)])
    open(out, "wb").write(tar_bytes(oci([gzip.compress(z, 6)])))
elif kind == "declared":  # item 5: a root filesystem tar entry declaring 1 TB, cut short
    ti = tarfile.TarInfo("big.bin"); ti.size = 1 << 40
    hdr = ti.tobuf(tarfile.GNU_FORMAT)
    open(out, "wb").write(hdr + b"x" * 4096)
elif kind == "declared-layer":  # item 5, inside a layer
    ti = tarfile.TarInfo("big.bin"); ti.size = 1 << 40
    layer = gzip.compress(ti.tobuf(tarfile.GNU_FORMAT) + b"x" * 4096)
    open(out, "wb").write(tar_bytes(oci([layer])))
elif kind == "misses":  # item 9: unnamed JSON, a second config copy, a layer named "{..."
    layer = gzip.compress(tar_bytes([("{brace}/x", b"x"), ("app/.env", secret)]))
    files = oci([layer])
    cfg_name = [n for n, d in files if n.startswith("blobs/") and b'"rootfs"' in d][0]
    files.insert(0, ("extra/settings.json", json.dumps({"token": tok[:-1] + "A"}).encode()))
    files.append((cfg_name, json.dumps({"os": "linux", "note": tok[:-1] + "B"}).encode()))
    open(out, "wb").write(tar_bytes(files))
elif kind == "plain-layer":  # item 9: an uncompressed layer whose first entry is "{..."
    layer = tar_bytes([("{brace}.txt", secret)])
    open(out, "wb").write(tar_bytes(oci([layer])))
PY
}

# ---- 1. an OCI index naming digests many times, in a cycle ----
mkimg self-index "$T/self.tar"
bounded 20 1024 image "${RULES[@]}" "$T/self.tar" --format json
check "1 index cycle: ends within 20 s and 1 GiB" in_bounds
check "1 index cycle: the image's layer is still scanned" has '"app/.env"'
check "1 index cycle: not 100,000 errors" [ "$(grep -o '"reason"' "$T/.out" | wc -l)" -lt 10 ]

# ---- 4. data after a layer's tar end is bound by the decompression limits ----
mkimg trailing "$T/trail.tar"
bounded 30 1024 image "${RULES[@]}" "$T/trail.tar" --format json --show-secrets
check "4 trailing data: ends within 30 s and 1 GiB" in_bounds
check "4 trailing data: the layer's file is still found" has "$TOK"
check "4 trailing data: a counted skip" grep -q '"max-ratio"' "$T/.out"
check "4 trailing data: the layer is named" has "not read to its end"

# ---- 4/6. folder-mode members: links out of the folder, FIFOs, /dev/zero ----
mkoci_dir() { # mkoci_dir DIR: an OCI folder with one layer holding $TOK
	mkdir -p "$1"
	python3 - "$1" "$TOK" <<'PY'
import gzip, hashlib, io, json, os, sys, tarfile
d, tok = sys.argv[1], sys.argv[2]
h = lambda b: hashlib.sha256(b).hexdigest()
b = io.BytesIO()
with tarfile.open(fileobj=b, mode="w") as t:
    data = ("API_TOKEN=%s\n" % tok).encode(); ti = tarfile.TarInfo("app/.env"); ti.size = len(data)
    t.addfile(ti, io.BytesIO(data))
layer = gzip.compress(b.getvalue())
cfg = json.dumps({"os": "linux", "architecture": "amd64", "config": {}}).encode()
man = json.dumps({"schemaVersion": 2, "config": {"digest": "sha256:" + h(cfg)},
                  "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip",
                              "digest": "sha256:" + h(layer)}]}).encode()
os.makedirs(d + "/blobs/sha256", exist_ok=True)
for blob in (layer, cfg, man):
    open(d + "/blobs/sha256/" + h(blob), "wb").write(blob)
open(d + "/index.json", "w").write(json.dumps({"schemaVersion": 2, "manifests": [{"digest": "sha256:" + h(man)}]}))
open(d + "/oci-layout", "w").write('{"imageLayoutVersion":"1.0.0"}')
open(d + "/layer", "w").write(h(layer))
PY
}
# a host tar holding a secret, outside the folder; the folder's layer blob links to it
mkoci_dir "$T/host"
HOSTLAYER="$T/host/blobs/sha256/$(cat "$T/host/layer")"
mkoci_dir "$T/fold"
L="$T/fold/blobs/sha256/$(cat "$T/fold/layer")"
# the folder's own layer no longer holds the token: only the host file does
python3 - "$L" <<'PY'
import gzip, io, sys, tarfile
b = io.BytesIO()
with tarfile.open(fileobj=b, mode="w") as t:
    ti = tarfile.TarInfo("app/readme"); ti.size = 3; t.addfile(ti, io.BytesIO(b"hi\n"))
open(sys.argv[1], "wb").write(gzip.compress(b.getvalue()))
PY
cp -r "$T/fold" "$T/fold-ok"
rm "$L" && ln -s "$HOSTLAYER" "$L"
bounded 20 1024 image "${RULES[@]}" "$T/fold" --format json --show-secrets
check "6 folder: a layer linking out of the folder is not read" bash -c "! grep -qF '$TOK' '$T/.out'"
check "6 folder: ... and is an error naming the layer, exit 2" \
	bash -c "[ $RC = 2 ] && grep -q 'symbolic link' '$T/.out'"
# the same through a linked folder: blobs/ itself a link out
mkdir "$T/fold2" && cp "$T/host/index.json" "$T/host/oci-layout" "$T/fold2/"
ln -s "$T/host/blobs" "$T/fold2/blobs"
bounded 20 1024 image "${RULES[@]}" "$T/fold2" --format json --show-secrets
check "6 folder: a linked blobs/ folder is not followed" bash -c "! grep -qF '$TOK' '$T/.out' && [ $RC = 2 ]"
# index.json itself a link to a host file
mkoci_dir "$T/fold3"
mv "$T/fold3/index.json" "$T/index.json" && ln -s "$T/index.json" "$T/fold3/index.json"
bounded 20 1024 image "${RULES[@]}" "$T/fold3" --format json --show-secrets
check "6 folder: index.json linking out is not read" bash -c "[ $RC = 2 ] && ! grep -qF '$TOK' '$T/.out'"
# a link inside the folder (as docker save writes <id>/layer.tar) is still read there
mkoci_dir "$T/fold4"
L4="$T/fold4/blobs/sha256/$(cat "$T/fold4/layer")"
mv "$L4" "$T/fold4/real.tgz" && ln -s ../../real.tgz "$L4"
bounded 20 1024 image "${RULES[@]}" "$T/fold4" --format json
check "6 folder: a link inside the folder is followed inside it" bash -c "[ $RC = 1 ] && grep -qF 'app/.env' '$T/.out'"
# a FIFO and /dev/zero as layers never end on their own
rm "$L" && mkfifo "$L"
bounded 20 1024 image "${RULES[@]}" "$T/fold" --format json
check "4 folder: a FIFO layer ends within 20 s, an error naming it" \
	bash -c "[ $RC = 2 ] && grep -q 'not a regular file' '$T/.out'"
rm "$L" && ln -s /dev/zero "$L"
bounded 20 1024 image "${RULES[@]}" "$T/fold" --format json
check "4 folder: a layer linking to /dev/zero ends within 20 s, exit 2" bash -c "[ $RC = 2 ]"
bounded 20 1024 image "${RULES[@]}" "$T/fold-ok" --format json
check "6 folder: the same folder with its own layer is read (exit 0)" [ "$RC" = 0 ]

# ---- 5. a size declared by the input is never allocated up front ----
mkimg declared "$T/decl.tar"
bounded 20 1024 image "${RULES[@]}" "$T/decl.tar" --max-file-size 2000GB --format json
check "5 declared 1 TB (root filesystem tar): no abort, exit 2 naming the cut" \
	bash -c "[ $RC = 2 ] && grep -q 'big.bin' '$T/.out'"
mkimg declared-layer "$T/decl2.tar"
bounded 20 1024 image "${RULES[@]}" "$T/decl2.tar" --max-file-size 2000GB --format json
check "5 declared 1 TB (in a layer): no abort, exit 2" [ "$RC" = 2 ]
bounded 20 1024 scan "${RULES[@]}" "$T/decl.tar" --max-file-size 2000GB --format json
check "5 declared 1 TB (a tar scanned as a file): no abort" in_bounds

# ---- 8. the ratio limit skips the one member, goes on, names the layer ----
mkimg ratio "$T/ratio.tar"
bounded 60 1024 image "${RULES[@]}" "$T/ratio.tar" --format json
check "8 ratio: the key after a 40 MiB zero file is found (exit 1)" \
	bash -c "[ $RC = 1 ] && grep -q '\"app/.env\"' '$T/.out'"
check "8 ratio: the skip is counted" grep -q '"max-ratio"' "$T/.out"
check "8 ratio: the layer and the member are named" has "big/zero.bin skipped"

# ---- 9. silent misses ----
mkimg misses "$T/miss.tar"
bounded 20 1024 image "${RULES[@]}" "$T/miss.tar" --format json --show-secrets
check "9 (a gzip layer whose first entry is named '{...' is scanned)" has "$TOK"
check "9 JSON no manifest names is scanned" has "${TOK%?}A"
check "9 a second copy of the config is scanned" has "${TOK%?}B"
mkimg plain-layer "$T/plain.tar"
bounded 20 1024 image "${RULES[@]}" "$T/plain.tar" --format json --show-secrets
check "9 an uncompressed layer whose first entry is '{...' is scanned" has "$TOK"
python3 - "$T/run.sh" "$TOK" <<'PY'
import io, sys, zipfile
b = io.BytesIO()
with zipfile.ZipFile(b, "w") as z:
    z.writestr("a.txt", "nothing\n")
open(sys.argv[1], "wb").write(("#!/bin/sh\nexport API_TOKEN=%s\nexec java -jar \"$0\"\n" % sys.argv[2]).encode() + b.getvalue())
PY
bounded 20 1024 scan "${RULES[@]}" "$T/run.sh" --format json --show-secrets
check "9 a script with a zip appended: the script's text is scanned" \
	bash -c "[ $RC = 1 ] && grep -qF '$TOK' '$T/.out' && grep -q '\"line\": *2' '$T/.out'"

# ---- 7. outputs never follow a planted link; scanned files are what the walk saw ----
mkdir -p "$T/s7"
printf 'key = %s\n' "$TOK" >"$T/s7/a.txt"
echo "precious" >"$T/victim"
ln -s "$T/victim" "$T/out.json"
bounded 20 1024 scan "${RULES[@]}" "$T/s7" --format json --output "$T/out.json"
check "7 --output through a planted link: the target is untouched" grep -qx precious "$T/victim"
check "7 --output through a planted link: exit 2 saying why" \
	bash -c "[ $RC = 2 ] && grep -q 'symbolic link' '$T/.err'"
ln -s "$T/victim" "$T/base.json"
bounded 20 1024 scan "${RULES[@]}" "$T/s7" --write-baseline "$T/base.json"
check "7 --write-baseline through a planted link: the target is untouched, exit 2" \
	bash -c "grep -qx precious '$T/victim' && [ $RC = 2 ]"
bounded 20 1024 scan "${RULES[@]}" "$T/s7" --format jsonl --output /dev/stdout
check "7 --output /dev/stdout (a system link) still writes the report" has '"test-token"'
# the walk lstat()s a file, then it is swapped for a link to a host file before the open:
# an LD_PRELOAD shim makes that race happen every time (not with AddressSanitizer, which
# must come first in the process)
if [ -z "$ASAN" ] && command -v cc >/dev/null; then
	cat >"$T/swap.c" <<'C'
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
/* before keyhound opens .../race/f or .../race/d, put a link to a host path there */
static void swap(const char *path)
{
	const char *host = getenv("SWAP_HOST");
	size_t n = strlen(path);
	char moved[4096];
	if (!host || n < 7 || strcmp(path + n - 7, "/race/f") != 0 && strcmp(path + n - 7, "/race/d") != 0)
		return;
	snprintf(moved, sizeof(moved), "%s.orig", path);
	rename(path, moved);
	symlink(path[n - 1] == 'f' ? host : getenv("SWAP_HOSTDIR"), path);
}
#define OPEN(name) int name(const char *p, int fl, ...) { \
	va_list ap; va_start(ap, fl); int mode = va_arg(ap, int); va_end(ap); swap(p); \
	int (*real)(const char *, int, ...) = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, #name); \
	return real(p, fl, mode); }
OPEN(open)
OPEN(open64)
DIR *opendir(const char *p)
{
	swap(p);
	DIR *(*real)(const char *) = (DIR * (*)(const char *))dlsym(RTLD_NEXT, "opendir");
	return real(p);
}
C
	if cc -shared -fPIC -o "$T/swap.so" "$T/swap.c" -ldl 2>/dev/null; then
		mkdir -p "$T/race/d" "$T/hostdir"
		echo 'nothing here' >"$T/race/f"
		echo 'nothing here' >"$T/race/d/g"
		printf 'token = %s\n' "$TOK" >"$T/hostfile"
		printf 'token = %s\n' "$TOK2" >"$T/hostdir/h"
		(
			export SWAP_HOST="$T/hostfile" SWAP_HOSTDIR="$T/hostdir" LD_PRELOAD="$T/swap.so"
			bounded 20 1024 scan "${RULES[@]}" "$T/race" --format json --show-secrets
			echo "$RC" >"$T/race.rc"
		)
		check "7 a file swapped for a link after the walk's lstat is not read" \
			bash -c "! grep -qF '$TOK' '$T/.out'"
		check "7 a folder swapped for a link after the walk's lstat is not walked" \
			bash -c "! grep -qF '$TOK2' '$T/.out'"
		check "7 ... each is an error (exit 2)" bash -c "[ \$(cat '$T/race.rc') = 2 ] && grep -q 'changed while being scanned' '$T/.out'"
	fi
fi

# ---- 2. a git bomb: one blob at 10^LEVELS paths, from LEVELS + 3 objects ----
mkbomb() { # mkbomb DIR LEVELS: a 10-wide chain of LEVELS trees over one blob holding $TOK
	local d=$1 t blob c
	rm -rf "$d" && git init -q "$d"
	blob=$(printf 'API_TOKEN=%s\n' "$TOK" | git -C "$d" hash-object -w --stdin)
	t=$(printf '100644 blob %s\tsecret.env\n' "$blob" | git -C "$d" mktree)
	for _ in $(seq "$2"); do
		t=$(for i in 0 1 2 3 4 5 6 7 8 9; do printf '040000 tree %s\td%d\n' "$t" "$i"; done |
			git -C "$d" mktree)
	done
	c=$(git -C "$d" -c user.name=t -c user.email=t@t commit-tree -m base "$(git -C "$d" mktree </dev/null)")
	git -C "$d" update-ref refs/heads/base "$c"
	c=$(git -C "$d" -c user.name=t -c user.email=t@t commit-tree -p "$c" -m bomb "$t")
	git -C "$d" update-ref refs/heads/main "$c"
	git -C "$d" symbolic-ref HEAD refs/heads/main
}
n_findings() { grep -c '"rule_id"' "$T/.out"; }
mkbomb "$T/bomb6" 6
bounded 30 1024 git "$T/bomb6" "${RULES[@]}" --format jsonl
check "2 git bomb (10^6 paths), history: ends within 30 s and 1 GiB, exit 1" [ "$RC" = 1 ]
check "2 ... a hundred findings, not a million" [ "$(n_findings)" = 100 ]
check "2 ... each counts the paths not listed (more_paths 999900)" \
	[ "$(grep -c '"more_paths": *999900' "$T/.out")" = 100 ]
bounded 30 1024 git "$T/bomb6" "${RULES[@]}"
check "2 ... human output says how many more paths" has "at 999900 more paths, not listed"
bounded 30 1024 git "$T/bomb6" "${RULES[@]}" --range base..main --format jsonl
check "2 git bomb, --range: ends within 30 s and 1 GiB, exit 1" [ "$RC" = 1 ]
check "2 ... --range: a hundred findings, more_paths 999900" \
	bash -c "[ \$(grep -c '\"more_paths\": *999900' '$T/.out') = 100 ] && [ \$(grep -c rule_id '$T/.out') = 100 ]"
bounded 60 1024 sweep "${RULES[@]}" --format json "$T/bomb6"
check "2 git bomb, sweep: ends within 60 s and 1 GiB, exit 1, 100 findings" \
	bash -c "[ $RC = 1 ] && [ \$(grep -c '\"rule_id\"' '$T/.out') = 100 ]"
mkbomb "$T/bomb7" 7
bounded 30 1024 git "$T/bomb7" "${RULES[@]}" --format jsonl
check "2 one level deeper (10^7 paths), history: within 30 s and 1 GiB, exit 1" [ "$RC" = 1 ]
check "2 ... more_paths 9999900" grep -q '"more_paths": *9999900' "$T/.out"
bounded 30 1024 git "$T/bomb7" "${RULES[@]}" --range base..main --format jsonl
check "2 one level deeper, --range: within 30 s and 1 GiB, an error naming the commit (exit 2)" \
	bash -c "[ $RC = 2 ] && grep -q 'more than 1,048,576 files' '$T/.err'"

# ---- 3. damaged objects: keyhound's readers judge them, libgit2 never loops on them ----
# a truncated loose blob (libgit2 1.5 inflates it forever at 100% CPU)
rm -rf "$T/r3" && git init -q "$T/r3"
echo hi >"$T/r3/a.txt"
git -C "$T/r3" add -A && git -C "$T/r3" -c user.name=t -c user.email=t@t commit -qm a
python3 -c "import sys; sys.stdout.write('x = $TOK\n' * 2000)" >"$T/r3/big.txt"
git -C "$T/r3" add -A && git -C "$T/r3" -c user.name=t -c user.email=t@t commit -qm b
LOOSE="$T/r3/.git/objects/$(git -C "$T/r3" rev-parse HEAD:big.txt | sed 's|^..|&/|')"
chmod u+w "$LOOSE"
python3 -c "import sys; p = sys.argv[1]; b = open(p, 'rb').read(); open(p, 'wb').write(b[:len(b) // 2])" "$LOOSE"
bounded 20 1024 git "$T/r3" "${RULES[@]}" --format json
check "3 truncated loose blob, history: ends within 20 s, an error naming it (exit 2)" \
	bash -c "[ $RC = 2 ] && grep -q 'big.txt' '$T/.out' && grep -q 'corrupt' '$T/.out'"
bounded 20 1024 git "$T/r3" "${RULES[@]}" --range HEAD~1..HEAD --format json
check "3 truncated loose blob, --range: ends within 20 s, exit 2" \
	bash -c "[ $RC = 2 ] && grep -q 'big.txt' '$T/.out'"
bounded 30 1024 sweep "${RULES[@]}" --format json "$T/r3"
check "3 truncated loose blob, sweep: ends within 30 s, exit 2" [ "$RC" = 2 ]
# a pack whose two objects are REF_DELTAs of each other (libgit2 loops to 10 GB)
rm -rf "$T/cy" && git init -q "$T/cy"
python3 - "$T/cy/.git" <<'PY'
import hashlib, os, struct, sys, zlib
gitdir = sys.argv[1]
X, Y = hashlib.sha1(b"x-object").digest(), hashlib.sha1(b"y-object").digest()
def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7f; n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)
def ref_delta(base, delta):
    n = len(delta); hdr = bytearray([(7 << 4) | (n & 15) | (0x80 if n >> 4 else 0)]); n >>= 4
    while n:
        hdr.append((n & 0x7f) | (0x80 if n >> 7 else 0)); n >>= 7
    return bytes(hdr) + base + zlib.compress(delta)
delta = varint(20) + varint(20) + bytes([20]) + b"tok_H1b2C3d4E5f6G7h8"
body, objs = b"PACK" + struct.pack(">II", 2, 2), []
for oid, base in sorted([(X, Y), (Y, X)]):
    e = ref_delta(base, delta)
    objs.append((oid, len(body), e))
    body += e
pack = body + hashlib.sha1(body).digest()
fan = [sum(1 for o, _, _ in objs if o[0] <= i) for i in range(256)]
idx = b"\xfftOc" + struct.pack(">I", 2) + b"".join(struct.pack(">I", f) for f in fan)
idx += b"".join(o for o, _, _ in objs)
idx += b"".join(struct.pack(">I", zlib.crc32(e)) for _, _, e in objs)
idx += b"".join(struct.pack(">I", off) for _, off, _ in objs) + pack[-20:]
idx += hashlib.sha1(idx).digest()
d = os.path.join(gitdir, "objects", "pack")
os.makedirs(d, exist_ok=True)
open(os.path.join(d, "pack-%s.pack" % pack[-20:].hex()), "wb").write(pack)
open(os.path.join(d, "pack-%s.idx" % pack[-20:].hex()), "wb").write(idx)
def loose(kind, data):  # written by hand: git itself loops on the pack
    raw = b"%s %d\0" % (kind, len(data)) + data
    oid = hashlib.sha1(raw).hexdigest()
    os.makedirs(os.path.join(gitdir, "objects", oid[:2]), exist_ok=True)
    open(os.path.join(gitdir, "objects", oid[:2], oid[2:]), "wb").write(zlib.compress(raw))
    return oid
who = b"t <t@t> 1700000000 +0000"
base = loose(b"commit", b"tree %s\nauthor %s\ncommitter %s\n\nbase\n" % (loose(b"tree", b"").encode(), who, who))
tip = loose(b"commit", b"tree %s\nparent %s\nauthor %s\ncommitter %s\n\ncycle\n" %
            (loose(b"tree", b"100644 cycle.txt\0" + X).encode(), base.encode(), who, who))
open(os.path.join(gitdir, "refs", "heads", "base"), "w").write(base + "\n")
open(os.path.join(gitdir, "refs", "heads", "main"), "w").write(tip + "\n")
open(os.path.join(gitdir, "HEAD"), "w").write("ref: refs/heads/main\n")
PY
bounded 20 1024 git "$T/cy" "${RULES[@]}" --format json
check "3 REF_DELTA cycle, history: within 20 s and 1 GiB, an error naming it (exit 2)" \
	bash -c "[ $RC = 2 ] && grep -q 'delta chain' '$T/.out'"
bounded 20 1024 git "$T/cy" "${RULES[@]}" --range base..main --format json
check "3 REF_DELTA cycle, --range: within 20 s and 1 GiB, exit 2" \
	bash -c "[ $RC = 2 ] && grep -q 'delta chain' '$T/.out'"
printf 'refs/heads/main %s refs/heads/main %s\n' "$(cat "$T/cy/.git/refs/heads/main")" \
	"$(cat "$T/cy/.git/refs/heads/base")" >"$T/cy.push"
( cd "$T/cy" && BOUNDED_IN="$T/cy.push" bounded 20 1024 git "${RULES[@]}" --pre-push --format json
  echo "$RC" >"$T/cy.rc" )
check "3 REF_DELTA cycle, --pre-push: within 20 s and 1 GiB, exit 2" [ "$(cat "$T/cy.rc")" = 2 ]
bounded 30 1024 sweep "${RULES[@]}" --format json "$T/cy"
check "3 REF_DELTA cycle, sweep: within 30 s and 1 GiB, exit 2" [ "$RC" = 2 ]

# ---- 13. errors reach stderr in every format; outputs are safe and complete ----
bounded 20 1024 scan "${RULES[@]}" "$T/s7" "$T/no-such-file" --format jsonl
check "13 jsonl: findings on stdout, exit 1" bash -c "[ $RC = 1 ] && grep -q test-token '$T/.out'"
check "13 jsonl: the error is on stderr" grep -q "no-such-file" "$T/.err"
bounded 20 1024 scan "${RULES[@]}" "$T/s7" "$T/no-such-file" --format sarif
check "13 sarif: the error is on stderr" grep -q "no-such-file" "$T/.err"
bounded 20 1024 scan "${RULES[@]}" "$T/s7" --format json --show-secrets --output "$T/r1.json"
bounded 20 1024 report merge "$T/r1.json" --format json --show-secrets --output "$T/merged.json"
check "13 report merge --show-secrets: the file holds the secret" grep -qF "$TOK" "$T/merged.json"
check "13 report merge --show-secrets: mode 0600" [ "$(stat -c %a "$T/merged.json")" = 600 ]
bounded 20 1024 scan "${RULES[@]}" "$T/s7" --write-baseline /dev/full
check "13 --write-baseline on a full disk: exit 2 saying so" \
	bash -c "[ $RC = 2 ] && grep -qi 'no space' '$T/.err'"
bounded 20 1024 scan "${RULES[@]}" "$T/s7" --format json --output /dev/full
check "13 --output on a full disk: exit 2" [ "$RC" = 2 ]
bounded 20 1024 report merge "$T/r1.json" --format json --output /dev/full
check "13 report merge --output on a full disk: exit 2" [ "$RC" = 2 ]

# ---- 10. a repository's own .keyhound.yml can only narrow what is reported ----
own_cfg() { # own_cfg YAML: a repository with one secret and this committed configuration
	rm -rf "$T/r10" && mkdir -p "$T/r10/src"
	git -C "$T/r10" init -q
	printf 'key = %s\n' "$TOK" >"$T/r10/src/app.conf"
	printf '%s\n' "$1" >"$T/r10/.keyhound.yml"
	git -C "$T/r10" add -A && git -C "$T/r10" -c user.name=t -c user.email=t@t commit -qm c
}
for cfg in "limits: {max_file_size: 1B}" "allow: {paths: ['**']}" "allow: {paths: ['*']}" \
	"allow: {secrets: ['.*']}" "allow: {stopwords: ['o']}" \
	"allow: {rules: {test-token: {paths: ['**/*']}}}" "limits: {max_archive_depth: 0, max_findings_per_blob: 0}"; do
	own_cfg "$cfg"
	bounded 60 1024 git "$T/r10" "${RULES[@]}" --format json
	check "10 git: the repository's own '$cfg' does not switch scanning off" \
		bash -c "[ $RC = 1 ] && grep -q '\"src/app.conf\"' '$T/.out' && grep -q 'not applied\|too short' '$T/.out'"
	bounded 60 1024 scan "$T/r10" "${RULES[@]}" --format json
	check "10 scan: the repository's own '$cfg' does not switch scanning off" [ "$RC" = 1 ]
done
own_cfg "allow: {paths: ['src/*.conf']}"
bounded 60 1024 git "$T/r10" "${RULES[@]}" --format json
check "10 a narrow allowlist in the repository's own file still applies" [ "$RC" = 0 ]
own_cfg "limits: {max_file_size: 1B}"
bounded 60 1024 scan "$T/r10" "${RULES[@]}" --format json --config "$T/r10/.keyhound.yml"
check "10 the same file named by --config is trusted (its limits apply)" [ "$RC" = 0 ]
mkdir -p "$T/outside"
own_cfg "baseline: ../outside/b.json"
"$KH" scan "$T/r10" "${RULES[@]}" --write-baseline "$T/outside/b.json" >/dev/null 2>&1
bounded 60 1024 scan "$T/r10" "${RULES[@]}" --format json
check "10 a baseline outside the repository is not read" \
	bash -c "[ $RC = 1 ] && grep -q 'outside the repository' '$T/.out'"

# a repository's own rules.disable narrows, it does not switch detection off
own_cfg "rules: {disable: [$(for i in $(seq 16); do printf 'r%d, ' "$i"; done)test-token]}"
bounded 60 1024 git "$T/r10" "${RULES[@]}" --format json
check "10 rules.disable in the repository's own file: at most 16 apply (exit 1, a note)" \
	bash -c "[ $RC = 1 ] && grep -q '\"src/app.conf\"' '$T/.out' && grep -q 'may disable at most 16' '$T/.out'"
# a change that widens the allowlist is itself reported; a change is judged with the
# configuration it starts from
wcommit() { git -C "$T/r10b" add -A && git -C "$T/r10b" -c user.name=t -c user.email=t@t commit -qm "$1"; }
rm -rf "$T/r10b" && mkdir -p "$T/r10b/src" && git -C "$T/r10b" init -q
echo "x = 1" >"$T/r10b/src/a.txt"
printf 'allow: {stopwords: [example]}\n' >"$T/r10b/.keyhound.yml"
wcommit base
BASE=$(git -C "$T/r10b" rev-parse HEAD)
printf 'key = %s\n' "$TOK" >"$T/r10b/src/app.conf"
printf 'allow: {stopwords: [example], paths: ["src/**"]}\nrules: {disable: [test-env]}\n' >"$T/r10b/.keyhound.yml"
git -C "$T/r10b" add -A
( cd "$T/r10b" && bounded 60 1024 git "${RULES[@]}" --staged --format json; echo "$RC" >"$T/r10.rc" )
check "10 --staged: the staged allowlist does not hide the staged secret (exit 1)" \
	bash -c "[ \$(cat '$T/r10.rc') = 1 ] && grep -q '\"test-token\"' '$T/.out'"
check "10 --staged: the widening is a finding naming the entry" \
	bash -c "grep -q 'keyhound-config-widened' '$T/.out' && grep -q \"allow.paths 'src/\\*\\*' added\" '$T/.out'"
check "10 --staged: ... and the disabled rule" grep -q "rules.disable 'test-env' added" "$T/.out"
check "10 --staged: an entry already there is not reported" bash -c "! grep -q \"stopwords 'example' added\" '$T/.out'"
wcommit widen
TIP=$(git -C "$T/r10b" rev-parse HEAD)
bounded 60 1024 git "$T/r10b" "${RULES[@]}" --range "$BASE..$TIP" --format json
check "10 --range: judged with the base's configuration, the secret is reported (exit 1)" \
	bash -c "[ $RC = 1 ] && grep -q '\"test-token\"' '$T/.out'"
check "10 --range: the widening is a finding" grep -q "allow.paths 'src/\*\*' added" "$T/.out"
printf 'refs/heads/x %s refs/heads/x %s\n' "$TIP" "$BASE" >"$T/r10.push"
( cd "$T/r10b" && BOUNDED_IN="$T/r10.push" bounded 60 1024 git "${RULES[@]}" --pre-push --format json
  echo "$RC" >"$T/r10.rc" )
check "10 --pre-push: the secret and the widening are reported (exit 1)" \
	bash -c "[ \$(cat '$T/r10.rc') = 1 ] && grep -q '\"test-token\"' '$T/.out' && grep -q 'keyhound-config-widened' '$T/.out'"
printf 'allow: {stopwords: [example]}\n' >"$T/r10b/.keyhound.yml"
wcommit narrow
bounded 60 1024 git "$T/r10b" "${RULES[@]}" --range "$TIP..HEAD" --format json
check "10 --range: a change that narrows the allowlist is not reported (exit 0)" \
	bash -c "[ $RC = 0 ] && ! grep -q 'keyhound-config-widened' '$T/.out'"
# a new branch (the remote has no such ref): judged with its fork point's configuration,
# the fork point being where it leaves a remote-tracking ref
git -C "$T/r10b" update-ref refs/remotes/origin/main "$BASE"
printf 'refs/heads/new %s refs/heads/new %s\n' "$TIP" 0000000000000000000000000000000000000000 >"$T/r10.push"
( cd "$T/r10b" && git checkout -q "$TIP" 2>/dev/null
  BOUNDED_IN="$T/r10.push" bounded 60 1024 git "${RULES[@]}" --pre-push --format json
  echo "$RC" >"$T/r10.rc"; git checkout -q - 2>/dev/null )
check "10 --pre-push of a new branch: the fork point's configuration, the secret is reported (exit 1)" \
	bash -c "[ \$(cat '$T/r10.rc') = 1 ] && grep -q '\"test-token\"' '$T/.out'"
check "10 --pre-push of a new branch: the widening is a finding" \
	grep -q "allow.paths 'src/\*\*' added" "$T/.out"
# allow.secrets compared entry by entry: one regex swapped for another of the same count
# is a widening; the finding names the entry's place, never the regex (it may spell a secret)
printf 'allow: {secrets: ["^never-matches-1$"]}\n' >"$T/r10b/.keyhound.yml"
wcommit s1
S1=$(git -C "$T/r10b" rev-parse HEAD)
printf 'allow: {secrets: ["^%s$"]}\n' "$TOK" >"$T/r10b/.keyhound.yml"
wcommit s2
bounded 60 1024 git "$T/r10b" "${RULES[@]}" --range "$S1..HEAD" --format json
check "10 --range: a swapped allow.secrets regex (same count) is a widening" \
	bash -c "grep -q 'allow.secrets entry 1 added or changed' '$T/.out' && ! grep -q -- '$TOK' '$T/.out'"
# a commit whose only finding is the widening: the hook says to have it reviewed, not to rotate
printf 'allow: {secrets: ["^%s$"], paths: ["docs/**"]}\n' "$TOK" >"$T/r10b/.keyhound.yml"
git -C "$T/r10b" add .keyhound.yml
( cd "$T/r10b" && bounded 60 1024 git "${RULES[@]}" --staged; echo "$RC" >"$T/r10.rc" )
check "10 --staged, only a widening: blocked (exit 1), advice to have it reviewed, no 'Rotate'" \
	bash -c "[ \$(cat '$T/r10.rc') = 1 ] && grep -q 'now allows more than before' '$T/.err' && ! grep -q 'Rotate' '$T/.err'"
git -C "$T/r10b" reset -q --hard

# ---- 11. an edited rules cache is not trusted: the YAML is parsed again ----
mkdir -p "$T/c11"
printf 'key = %s\n' "$TOK" >"$T/c11/a.txt"
(
	export XDG_CACHE_HOME="$T/xdg"
	mkdir -p "$T/xdg"
	"$KH" scan "${RULES[@]}" "$T/c11" --format json >/dev/null 2>&1 # fills the cache
	n=0
	for f in "$T"/xdg/keyhound/parsed-*.khr; do
		# the same length, so the file still parses: the rule now looks for "zzz_..."
		python3 - "$f" <<'PY' && n=$((n + 1))
import sys
p = sys.argv[1]
b = open(p, "rb").read()
if b"(tok_" not in b:
    sys.exit(1)
open(p, "wb").write(b.replace(b"(tok_", b"(zzz_"))
PY
	done
	echo "$n" >"$T/c11.n"
	bounded 20 1024 scan "${RULES[@]}" "$T/c11" --format json
	echo "$RC" >"$T/c11.rc"
)
check "11 the test edited a parsed-rules cache file" [ "$(cat "$T/c11.n")" -ge 1 ]
check "11 an edited parsed-rules cache does not disable the rule (exit 1)" [ "$(cat "$T/c11.rc")" = 1 ]
check "11 the cache's key is the user's alone (0600)" \
	bash -c "[ \"\$(stat -c %a '$T/xdg/keyhound/cache.key' 2>/dev/null)\" = 600 ]"

# ---- 12. nothing from the input reaches the terminal raw in human output ----
no_ctl() { ! LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$T/.out"; }
rm -rf "$T/r12" && mkdir -p "$T/r12"
git -C "$T/r12" init -q
ESC=$'\e'
printf 'key = %s\r\e[2K%s\n' "$TOK" 'x = harmless' >"$T/r12/evil${ESC}[2J${ESC}]0;title${ESC}\\.conf"
git -C "$T/r12" add -A
git -C "$T/r12" -c user.name="eve${ESC}[31m" -c user.email=e@e commit -qm $'msg\e]8;;http://x\e\\link\r\e[1Aforged'
bounded 60 1024 git "$T/r12" "${RULES[@]}"
check "12 git, human: a finding is printed (exit 1)" [ "$RC" = 1 ]
check "12 git, human: no control byte from a file name, author or message reaches stdout" no_ctl
check "12 git, human: the escape is shown escaped, as git quotes paths" grep -qF 'evil\033[2J' "$T/.out"
bounded 60 1024 scan "$T/r12" "${RULES[@]}"
check "12 scan, human: no control byte from a file name or matched line reaches stdout" no_ctl
check "12 scan, human: the finding is still there" [ "$RC" = 1 ]

finish
