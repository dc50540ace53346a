#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# keyhound git: a blob in history larger than --max-blob-memory is read and matched in
# pieces, never held whole: the same findings, at the same lines, each once, in less
# memory. The limit is lowered here (1MB) so a 48 MB blob stands for a 2 GB one.
set -u
KH_BIN=${KH_BIN:?} KH_SOURCE_DIR=${KH_SOURCE_DIR:?}
T=$(mktemp -d /tmp/kh_test_git_pieces.XXXXXX)
trap '[ -n "${KEEP:-}" ] || rm -rf "$T"' EXIT
fails=0
export GIT_CONFIG_NOSYSTEM=1 HOME=$T/home NO_COLOR=1
mkdir -p "$HOME"
git config --global user.name "Ann Dev"
git config --global user.email ann@example.com
git config --global init.defaultBranch main

mkdir "$T/rules"
cat >"$T/rules/test.yml" <<'EOF'
rules:
  - id: test-token
    name: Test token
    pattern: '\b(khtok_[a-z0-9]{24})\b'
    severity: high
    confidence: high
    examples: ['x = khtok_q8w3e7r1t9y5u2i6o4p0a1s3', 'khtok_z8w3e7r1t9y5u2i6o4p0a1s3']
    negative_examples: ['khtok_short', 'khtok_']
EOF
kh() { "$KH_BIN" "$@" --no-default-rules --rules "$T/rules" --no-progress; }
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
check() { # check NAME EXPECTED ACTUAL
	if [ "$2" != "$3" ]; then fail "$1: expected [$2], got [$3]"; else echo "ok: $1"; fi
}

R=$T/repo
git init -q "$R" && cd "$R" || exit 1
# big.log: 48 MB of text with a token on its first line, across the first piece's end
# (1 MiB), inside the overlap the next piece starts with, on a line that starts in one
# piece with its token in the next, and on the last line. Each token is different.
python3 - <<'EOF'
import random
rnd = random.Random(15)
MiB = 1 << 20
tok = lambda: "khtok_" + "".join(rnd.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(24))
out = bytearray()
def line(s): out.extend(s.encode() + b"\n")
line("first " + tok())
def filler_to(off):
    while len(out) < off:
        n = min(100, off - len(out)) - 1
        out.extend(b"." * max(n, 0) + b"\n")
for at in (MiB - 12, 2 * MiB - 100 * 1024, 3 * MiB - 128 * 1024 - 3):
    filler_to(at)
    out.extend(("k=" + tok() + "\n").encode())
# a line that starts before the 4th piece does and whose token starts after (its column
# counts from the line's start, in the piece before)
filler_to(4 * MiB - 20)
out.extend(("k=" + "-" * 30 + " " + tok() + "\n").encode())
filler_to(48 * MiB - 200)
line("last " + tok())
open("big.log", "wb").write(out)
EOF
# and a large binary blob (a NUL early): skipped as binary, counted once
head -c 3000000 /dev/urandom >big.bin
git add big.log big.bin && git commit -qm big
git gc -q --prune=now
want=$(grep -n -o 'khtok_[a-z0-9]*' big.log | sed 's/:.*//' | tr '\n' ' ')
check "the fixture holds 6 tokens" 6 "$(grep -c 'khtok_' big.log)"

/usr/bin/time -f %M -o "$T/whole.rss" "$KH_BIN" git --no-default-rules --rules "$T/rules" --no-progress \
	--max-file-size 100MB --all-occurrences --format jsonl >"$T/whole.jsonl"
/usr/bin/time -f %M -o "$T/pieces.rss" "$KH_BIN" git --no-default-rules --rules "$T/rules" --no-progress \
	--max-file-size 100MB --max-blob-memory 1MB --all-occurrences --format jsonl >"$T/pieces.jsonl"
lines() { python3 -c 'import json,sys; print(" ".join(str(json.loads(l)["line"]) for l in open(sys.argv[1]) if l.strip()) + " ")' "$1"; }
check "held whole: every token at its line" "$want" "$(lines "$T/whole.jsonl")"
check "in 1 MB pieces: every token at its line, each once" "$want" "$(lines "$T/pieces.jsonl")"
check "in pieces: the same findings" "$(sort "$T/whole.jsonl")" "$(sort "$T/pieces.jsonl")"

kh git --max-file-size 100MB --max-blob-memory 1MB --format json >"$T/sum.json"
summary() { python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["summary"]; print(s["blobs"], s["bytes"], s["skipped"].get("binary", 0))' "$1"; }
# three blobs: big.log, big.bin and the commit's message ("big\n")
check "in pieces: each blob counted once, its bytes once, the binary one skipped once" \
	"3 $(($(stat -c %s big.log) + $(stat -c %s big.bin) + 4)) 1" "$(summary "$T/sum.json")"
kh git --max-file-size 100MB --format json >"$T/sum-whole.json"
check "held whole: the same summary" "$(summary "$T/sum-whole.json")" "$(summary "$T/sum.json")"

# memory, against the same scan holding the blob whole in this run: at least 30 of the
# blob's 48 MB are never held
whole=$(tail -1 "$T/whole.rss") pieces=$(tail -1 "$T/pieces.rss")
echo "peak RSS: whole $whole KB, pieces $pieces KB"
[ $((pieces + 30000)) -lt "$whole" ] || fail "pieces do not save memory: $pieces KB vs $whole KB"

# over --max-file-size it is not read at all, pieces or not
kh git --max-file-size 40MB --max-blob-memory 1MB --format json >"$T/over.json"
check "over --max-file-size: a counted skip, not read" "0 1" \
	"$(python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["summary"]; print(s["findings"], s["skipped"].get("max-file-size", 0))' "$T/over.json")"

# damaged half way: the pieces before are matched, the blob is an error
id=$(git rev-parse HEAD:big.log)
set -- $(git verify-pack -v .git/objects/pack/*.idx | grep "^$id ")
python3 - .git/objects/pack/*.pack "$5" "$4" <<'EOF'
import sys
path, off, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(path, "r+b") as f:
    f.seek(off + n // 2)
    b = f.read(64)
    f.seek(off + n // 2)
    f.write(bytes(x ^ 0x5a for x in b))
EOF
# (zlib checks the data only at its end: what was read before is matched as it came)
kh git --max-file-size 100MB --max-blob-memory 1MB --format json -o "$T/bad.json" 2>"$T/bad.err"
check "damaged in pieces: exit 1 (findings and an error)" 1 $?
check "damaged in pieces: one error" 1 "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["error_count"])' "$T/bad.json")"
kh git --max-file-size 100MB --max-blob-memory 1MB --format jsonl >"$T/bad.jsonl" 2>/dev/null
grep -q "corrupt object (read in pieces" "$T/bad.err" || fail "damaged in pieces: no error said so: $(cat "$T/bad.err")"
check "damaged in pieces: the first piece's token found" 1 "$(grep -c '"line":1,' "$T/bad.jsonl")"

[ "$fails" -eq 0 ] && echo "all passed" || { echo "$fails failed"; exit 1; }
