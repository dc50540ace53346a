# SPDX-License-Identifier: Apache-2.0
# keyhound scan end to end: planted secrets found at the right line with exit 1,
# a clean folder exits 0, bad input is counted and fails closed.
. "$(dirname "$0")/lib.sh"
write_rules

mkdir -p "$T/planted/src" "$T/planted/deploy" "$T/clean"
printf 'a\nb\napi = "tok_P1b2C3d4E5f6G7h8I9j0K1l2"\n' >"$T/planted/src/app.py"
printf 'X=1\n' >"$T/planted/deploy/.env"
printf 'nothing to see\n' >"$T/clean/readme.txt"

run_kh scan "${RULES[@]}" "$T/planted" --format jsonl
check "planted folder exits 1" [ "$RC" = 1 ]
echo "$OUT" >"$T/planted.jsonl"
check "token found at src/app.py line 3" jsonl_check \
	'any(f["rule_id"]=="test-token" and f["root_path"]=="src/app.py" and f["line"]==3 and f["column"]==8 for f in fs)' "$T/planted.jsonl"
check "path rule finds deploy/.env" jsonl_check \
	'any(f["rule_id"]=="test-env" and f["root_path"]=="deploy/.env" for f in fs)' "$T/planted.jsonl"
check "jsonl carries the DESIGN fields" jsonl_check \
	'all(all(k in f for k in ("rule_id","rule_name","severity","confidence","secret","match","entropy","fingerprint","source","path","line","column","end_line","end_column")) for f in fs)' "$T/planted.jsonl"
check "secret redacted by default" bash -c "! grep -q P1b2C3d4E5 '$T/planted.jsonl'"

run_kh scan "${RULES[@]}" "$T/planted" --format jsonl --show-secrets
check "--show-secrets prints the secret" grep -q 'tok_P1b2C3d4E5f6G7h8I9j0K1l2' "$T/.out"

run_kh scan "${RULES[@]}" "$T/clean"
check "clean folder exits 0" [ "$RC" = 0 ]
check "human summary printed" grep -q 'Scanned .* 0 findings' "$T/.out"

run_kh scan "${RULES[@]}" "$T/does-not-exist"
check "missing path exits 2" [ "$RC" = 2 ]
check "missing path is listed as an error" grep -q 'does-not-exist' "$T/.out"

# stdin, named for path rules
printf 'k=tok_S1b2C3d4E5f6G7h8I9j0K1l2\n' | "$KH" scan "${RULES[@]}" - --format jsonl >"$T/stdin.jsonl"
check "stdin finding" jsonl_check 'fs[0]["source"]=="stdin" and fs[0]["line"]==1' "$T/stdin.jsonl"
printf 'X=1\n' | "$KH" scan "${RULES[@]}" - --stdin-path config/.env --format jsonl >"$T/stdin2.jsonl"
check "--stdin-path feeds path rules" jsonl_check 'fs[0]["rule_id"]=="test-env" and fs[0]["path"]=="config/.env"' "$T/stdin2.jsonl"

# unreadable file: counted error, the rest scanned, exit 2 when nothing found
mkdir -p "$T/unread"
printf 'fine\n' >"$T/unread/a.txt"
printf 'hidden\n' >"$T/unread/b.txt"
chmod 000 "$T/unread/b.txt"
setpriv --bounding-set=-dac_override,-dac_read_search "$KH" scan "${RULES[@]}" "$T/unread" --format json >"$T/unread.json"
RC=$?
check "unreadable file exits 2" [ "$RC" = 2 ]
check "unreadable file is an error, the other file scanned" python3 -c "
import json; d=json.load(open('$T/unread.json')); s=d['summary']
assert s['blobs']==1 and any(e['location']=='$T/unread/b.txt' and 'Permission denied' in e['reason'] for e in s['errors'])"
printf 'tok_U1b2C3d4E5f6G7h8I9j0K1l2\n' >"$T/unread/a.txt"
setpriv --bounding-set=-dac_override,-dac_read_search "$KH" scan "${RULES[@]}" "$T/unread" >/dev/null
check "findings win over errors: exit 1" [ "$?" = 1 ]

# symlink loop
mkdir -p "$T/loop/d"
ln -s .. "$T/loop/d/up"
printf 'tok_L1b2C3d4E5f6G7h8I9j0K1l2\n' >"$T/loop/d/x.txt"
run_kh scan "${RULES[@]}" "$T/loop" --format json
check "symlink loop: one finding, link skipped" python3 -c "
import json,sys; d=json.loads(sys.stdin.read()); assert len(d['findings'])==1 and d['summary']['skipped']['symlink']==1" <<<"$OUT"

# NUL bytes and invalid UTF-8: binary skipped, invalid text gives valid JSON
printf 'a\0b tok_B1b2C3d4E5f6G7h8I9j0K1l2' >"$T/nul.bin"
printf '\xff\xfe tok_V1b2C3d4E5f6G7h8I9j0K1l2 \xc3\x28\n' >"$T/bad-utf8-"$'\xe9'".txt"
run_kh scan "${RULES[@]}" "$T/nul.bin" "$T/bad-utf8-"*.txt --format json --show-secrets
check "NUL file skipped as binary, invalid UTF-8 reported as valid JSON" python3 -c "
import json,sys; d=json.loads(sys.stdin.buffer.read().decode('utf-8'))
assert d['summary']['skipped']['binary']==1 and len(d['findings'])==1
assert '\ufffd' in d['findings'][0]['path']" <<<"$OUT"

# a 10 MB single line with a secret at the end
python3 -c "import sys; sys.stdout.write('x'*10_000_000 + ' tok_E1b2C3d4E5f6G7h8I9j0K1l2\n')" >"$T/long.txt"
run_kh scan "${RULES[@]}" "$T/long.txt" --format jsonl
echo "$OUT" >"$T/long.jsonl"
check "10 MB line: secret found at its column" jsonl_check 'fs[0]["line"]==1 and fs[0]["column"]==10000002' "$T/long.jsonl"

# over-size file: a counted skip; --strict makes it an error
run_kh scan "${RULES[@]}" "$T/long.txt" --max-file-size 1MB --format json
check "over-size file is a counted skip, exit 0" python3 -c "
import json,sys; d=json.loads(sys.stdin.read()); assert d['summary']['skipped']['max-file-size']==1" <<<"$OUT"
check "over-size exit 0 without --strict" [ "$RC" = 0 ]
run_kh scan "${RULES[@]}" "$T/long.txt" --max-file-size 1MB --strict
check "over-size exit 2 with --strict" [ "$RC" = 2 ]

# broken rule files: exit 2, the message names the file, rule and reason
mkdir -p "$T/badrules"
printf 'rules:\n  - id: broken-one\n    name: X\n    pattern: "ab(["\n    severity: low\n    confidence: low\n' >"$T/badrules/x.yml"
run_kh scan --rules "$T/badrules" "$T/clean"
check "broken rule: exit 2" [ "$RC" = 2 ]
check "broken rule: names file and rule" bash -c "grep -q 'x.yml' <<<'$ERR' && grep -q 'broken-one' <<<'$ERR'"
printf 'rules: [ {id: y, name: Y\n' >"$T/badrules/x.yml"
run_kh scan --rules "$T/badrules" "$T/clean"
check "YAML error: exit 2 naming the file" bash -c "[ $RC = 2 ] && grep -q 'x.yml' <<<'$ERR'"

# usage errors
run_kh scan --format xml "$T/clean"
check "bad --format is a usage error (2)" [ "$RC" = 2 ]
run_kh frobnicate
check "unknown command exits 2" [ "$RC" = 2 ]

# deterministic output across thread counts
"$KH" scan "${RULES[@]}" "$T/planted" "$T/loop" --format jsonl --threads 1 >"$T/t1"
"$KH" scan "${RULES[@]}" "$T/planted" "$T/loop" --format jsonl --threads 2 >"$T/t2"
check "same output with 1 and 2 threads" cmp -s "$T/t1" "$T/t2"

# Workers read the files the walk lists: a folder of more files than the queue holds
# (256 blobs), zips over --max-file-size streamed on whichever worker takes them, a link
# and a FIFO (never opened: the scan ends). The same findings in the same order, and the
# same summary, on 1, 2 and 3 threads.
mkdir -p "$T/many/deep/er"
python3 - "$T/many" <<'PY'
import os, random, sys, zipfile
rnd = random.Random(15)
tok = lambda: "tok_" + "".join(rnd.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789") for _ in range(24))
for i in range(300):
    where = ("deep/er/" if i % 7 == 0 else "deep/" if i % 5 == 0 else "") + "f%03d.txt" % i
    with open(os.path.join(sys.argv[1], where), "w") as f:
        f.write("line\n" * (i % 9) + 'k = "%s"\n' % tok())
for z in range(3):
    with zipfile.ZipFile(os.path.join(sys.argv[1], "deep/b%d.zip" % z), "w") as zf:
        zf.writestr("filler.bin", os.urandom(4096))
        zf.writestr("app.env", 'K="%s"\n' % tok())
PY
ln -s f001.txt "$T/many/link.txt"
mkfifo "$T/many/deep/pipe"
for t in 1 2 3; do
	timeout 60 "$KH" scan "${RULES[@]}" "$T/many" --max-file-size 2KB --threads $t --format json >"$T/many$t.json"
done
check "a folder read by the workers: 303 findings, the same on 1, 2 and 3 threads, in path order" \
	python3 - "$T/many1.json" "$T/many2.json" "$T/many3.json" <<'PY'
import json, sys
runs = [json.load(open(p)) for p in sys.argv[1:]]
key = lambda d: [(f["root_path"], f["line"], f["fingerprint"]) for f in d["findings"]]
one = key(runs[0])
paths = [p for p, _, _ in one]
assert len(one) == 303 and paths == sorted(paths), paths
assert any(p.endswith(".zip!app.env") for p in paths), paths
assert all(key(d) == one and d["summary"] == runs[0]["summary"] for d in runs[1:])
s = runs[0]["summary"]["skipped"]
assert s.get("symlink") == 1 and s.get("special-file") == 1, s
PY

# --output, and 0600 when it holds secrets
run_kh scan "${RULES[@]}" "$T/planted" --format json --output "$T/report.json" --show-secrets
check "--output written with mode 0600 when secrets are shown" [ "$(stat -c %a "$T/report.json")" = 600 ]
check "--output leaves stdout empty" [ -z "$OUT" ]

# rules check over the test's rules
run_kh rules check "$T/rules"
check "rules check passes on good rules" [ "$RC" = 0 ]
printf 'rules:\n  - id: weak\n    name: W\n    pattern: "wk_[0-9]{4}"\n    severity: low\n    confidence: medium\n    examples: ["wk_12", "wk_4821"]\n    negative_examples: ["wk_7302", "x"]\n' >"$T/badrules/x.yml"
run_kh rules check "$T/badrules"
check "rules check fails on a wrong example and a matching negative" bash -c "[ $RC = 1 ] && grep -q 'example 1 is not found' <<<'$ERR' && grep -q 'negative example 1 is found' <<<'$ERR'"

"$KH" rules list "${RULES[@]}" --format jsonl >"$T/rules.jsonl"
check "rules list --format jsonl: one rule a line" jsonl_check \
	'len(fs)==2 and fs[0]["id"]=="test-token" and fs[0]["severity"]=="high" and fs[0]["confidence"]=="high" and fs[1]["pattern"] is None' "$T/rules.jsonl"
check "rules list --format patterns: patterns only" [ "$("$KH" rules list "${RULES[@]}" --format patterns)" = '\b(tok_[A-Za-z0-9]{24})\b' ]

run_kh --version
check "--version prints program and rules versions" bash -c "grep -q '^keyhound ' <<<'$OUT' && grep -q '^rules ' <<<'$OUT'"

finish
