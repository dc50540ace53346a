# SPDX-License-Identifier: Apache-2.0
# keyhound scan meets archives: a jar, a launch-script jar, a tgz, a .gz, nested archives
# up to the depth limit, and a zip bomb, all read in memory by the shared reader.
. "$(dirname "$0")/lib.sh" || exit 1
: "${T:?lib.sh must set T}"
write_rules

mkdir -p "$T/src/lib" "$T/src/deploy" "$T/nest"
python3 - "$T" <<'PY'
import gzip, io, sys, tarfile, zipfile
t = sys.argv[1]
def zipb(files):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        for n, d in files: z.writestr(n, d)
    return b.getvalue()
def tgz(files):
    b = io.BytesIO()
    with tarfile.open(fileobj=b, mode="w:gz") as tf:
        for n, d in files:
            ti = tarfile.TarInfo(n); ti.size = len(d); tf.addfile(ti, io.BytesIO(d))
    return b.getvalue()
jar = zipb([("BOOT-INF/classes/application.properties", "k=tok_J1b2C3d4E5f6G7h8I9j0K1l2\n")])
open(t + "/src/lib/app.jar", "wb").write(jar)
open(t + "/src/lib/run.jar", "wb").write(b"#!/bin/sh\nexec java -jar \"$0\"\n" + jar)
open(t + "/src/deploy/bundle.tgz", "wb").write(tgz([("conf/ci.env", b"T=tok_T1b2C3d4E5f6G7h8I9j0K1l2\n")]))
open(t + "/src/deploy/log.txt.gz", "wb").write(gzip.compress(b"x\ny=tok_G1b2C3d4E5f6G7h8I9j0K1l2\n"))
# depth: zip > tgz > zip > jar > properties (the jar is at depth 3: its entries are not read)
d4 = zipb([("lib/inner.jar", jar)])
d3 = tgz([("deps/lib.zip", d4)])
open(t + "/nest/release.zip", "wb").write(zipb([("bundle.tgz", d3)]))
bomb = zipb([("z%02d" % i, b"\0" * (8 << 20)) for i in range(20)])
open(t + "/nest/bomb.zip", "wb").write(bomb)
PY

run_kh scan "${RULES[@]}" "$T/src" --format jsonl
echo "$OUT" >"$T/src.jsonl"
check "archives in a folder: exit 1" [ "$RC" = 1 ]
check "jar entry found with its path" jsonl_check \
	'any(f["root_path"]=="lib/app.jar!BOOT-INF/classes/application.properties" and f["line"]==1 for f in fs)' "$T/src.jsonl"
check "jar with a launch script in front" jsonl_check \
	'any(f["root_path"]=="lib/run.jar!BOOT-INF/classes/application.properties" for f in fs)' "$T/src.jsonl"
check "tgz entry" jsonl_check 'any(f["root_path"]=="deploy/bundle.tgz!conf/ci.env" for f in fs)' "$T/src.jsonl"
check "single .gz stream, at line 2" jsonl_check \
	'any(f["root_path"]=="deploy/log.txt.gz!log.txt" and f["line"]==2 for f in fs)' "$T/src.jsonl"

run_kh scan "${RULES[@]}" "$T/nest" --format json
check "depth 3 reached, the deeper jar a counted skip" grep -q '"max-archive-depth": *1' "$T/.out"
check "zip bomb: a counted max-ratio skip" grep -q '"max-ratio"' "$T/.out"
check "nothing found, nothing broken: exit 0" [ "$RC" = 0 ]
run_kh scan "${RULES[@]}" "$T/nest" --format jsonl --max-archive-depth 4
check "--max-archive-depth 4 reaches the innermost jar" grep -q 'release.zip!bundle.tgz!deps/lib.zip!lib/inner.jar!BOOT-INF/classes/application.properties' "$T/.out"
run_kh scan "${RULES[@]}" "$T/nest" --format json --max-ratio 0 --max-decompressed 20MB
check "--max-decompressed: counted" grep -q '"max-decompressed"' "$T/.out"
run_kh scan "${RULES[@]}" "$T/nest" --format json --max-archive-entries 1 --max-ratio 0
check "--max-archive-entries: counted" grep -q '"max-archive-entries"' "$T/.out"

finish
