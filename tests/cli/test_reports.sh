# SPDX-License-Identifier: Apache-2.0
# Reports that tell the truth (issue 13): paths a user can open and a root_path that
# fingerprints and baselines use, however the root was typed.
. "$(dirname "$0")/lib.sh"
write_rules

field() { # field FILE 'python expression over fs': prints its value
	python3 - "$1" "$2" <<'PY'
import json, sys
fs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
print(eval(sys.argv[2], {"fs": fs}))
PY
}

# ---- paths: path opens from here, root_path is inside the work tree or root ----
mkdir -p "$T/p/pos/age_key/secrets" "$T/p/neg"
printf 'k = tok_P1b2C3d4E5f6G7h8I9j0K1l2\n' >"$T/p/pos/age_key/secrets/key.txt"
printf 'nothing\n' >"$T/p/neg/a.txt"
python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1], "w").writestr("conf/app.env", "t = tok_Z1b2C3d4E5f6G7h8I9j0K1l2\n")' "$T/p/pos/leaky.zip"
(cd "$T/p" && "$KH" scan "${RULES[@]}" pos neg --format jsonl >"$T/two.jsonl")
check "scan pos neg: the path opens from the current folder" \
	jsonl_check 'sorted(f["path"] for f in fs) == ["pos/age_key/secrets/key.txt", "pos/leaky.zip!conf/app.env"]' "$T/two.jsonl"
check "scan pos neg: every path printed is a file that exists (archive: the archive)" \
	bash -c 'cd "$1/p" && for p in $(python3 -c "import json,sys; [print(json.loads(l)[\"path\"].split(\"!\")[0]) for l in open(sys.argv[1])]" "$2"); do [ -f "$p" ] || exit 1; done' _ "$T" "$T/two.jsonl"
check "root_path is inside the root named; archive members are root_path!member" \
	jsonl_check 'sorted(f["root_path"] for f in fs) == ["age_key/secrets/key.txt", "leaky.zip!conf/app.env"]' "$T/two.jsonl"
(cd "$T/p" && "$KH" scan "${RULES[@]}" ./pos/age_key/secrets/key.txt --format jsonl >"$T/file.jsonl")
check "a file named directly: root_path is its name as typed without ./" \
	jsonl_check 'fs[0]["root_path"] == "pos/age_key/secrets/key.txt" and fs[0]["path"] == "./pos/age_key/secrets/key.txt"' "$T/file.jsonl"

# a repository: scan of its root, of a folder inside it, of a file in it, from anywhere,
# and git all give one root_path and one fingerprint
R=$T/repo
mkdir -p "$R/src/deep"
git -C "$R" init -q
git -C "$R" config user.email dev@example.com
git -C "$R" config user.name Dev
printf 'k = tok_R1b2C3d4E5f6G7h8I9j0K1l2\n' >"$R/src/deep/app.conf"
git -C "$R" add -A && git -C "$R" commit -qm add
(cd "$R" && "$KH" scan "${RULES[@]}" . --format jsonl >"$T/root.jsonl")
(cd "$R/src" && "$KH" scan "${RULES[@]}" deep --format jsonl >"$T/sub.jsonl")
"$KH" scan "${RULES[@]}" "$R/src/deep/app.conf" --format jsonl >"$T/abs.jsonl"
"$KH" git "${RULES[@]}" "$R" --format jsonl >"$T/git.jsonl"
check "scan .: path ./src/deep/app.conf, root_path src/deep/app.conf" \
	jsonl_check 'fs[0]["path"] == "./src/deep/app.conf" and fs[0]["root_path"] == "src/deep/app.conf"' "$T/root.jsonl"
check "scan of a folder inside the repository: root_path from the work tree's root" \
	jsonl_check 'fs[0]["path"] == "deep/app.conf" and fs[0]["root_path"] == "src/deep/app.conf"' "$T/sub.jsonl"
FP=$(field "$T/root.jsonl" 'fs[0]["fingerprint"]')
check "one fingerprint from scan ., scan of a subfolder, a file named by absolute path and git" \
	[ "$FP" = "$(field "$T/sub.jsonl" 'fs[0]["fingerprint"]')" -a \
	  "$FP" = "$(field "$T/abs.jsonl" 'fs[0]["fingerprint"]')" -a \
	  "$FP" = "$(field "$T/git.jsonl" 'fs[0]["fingerprint"]')" ]
(cd "$R" && "$KH" scan "${RULES[@]}" . --write-baseline "$T/base.json" >/dev/null)
(cd "$R/src" && "$KH" scan "${RULES[@]}" deep --baseline "$T/base.json" >/dev/null)
check "a baseline written by scan . holds for scan of a subfolder" [ "$?" = 0 ]
printf 'allow: {paths: ["src/deep/**"]}\n' >"$R/.keyhound.yml"
(cd "$R/src" && "$KH" scan "${RULES[@]}" deep >/dev/null)
check "the work tree's allow.paths applies to a subfolder's scan" [ "$?" = 0 ]
rm "$R/.keyhound.yml"

# ---- gates: --min-severity, --exit-code, inline allows and counts in the summary ----
mkdir -p "$T/g"
printf 'a = tok_A1b2C3d4E5f6G7h8I9j0K1l2\nb = tok_B1b2C3d4E5f6G7h8I9j0K1l2 # keyhound:allow\n' >"$T/g/x.txt"
printf 'X=1\n' >"$T/g/.env"
has_line() { grep -qF -- "$1" <<<"$2"; }
summary() { python3 -c 'import json,sys; print(eval(sys.argv[2], {"s": json.load(open(sys.argv[1]))["summary"]}))' "$@"; }
"$KH" scan "${RULES[@]}" "$T/g" -f json >"$T/g.json"
check "an inline allow is counted in summary.suppressed.inline" [ "$(summary "$T/g.json" 's["suppressed"]["inline"]')" = 1 ]
check "summary counts findings by severity and by rule" \
	[ "$(summary "$T/g.json" '(s["by_severity"]["high"], s["by_severity"]["medium"], s["by_rule"])')" = "(1, 1, {'test-env': 1, 'test-token': 1})" ]
run_kh scan "${RULES[@]}" "$T/g"
check "human: the summary says what was suppressed inline and counts by severity and rule" \
	bash -c 'grep -q "inline 1" <<<"$1" && grep -q "By severity: high 1, medium 1. By rule: test-env 1, test-token 1." <<<"$1"' _ "$OUT"
"$KH" scan "${RULES[@]}" "$T/g" -f json --min-severity high >"$T/gh.json"
check "--min-severity high drops the medium finding, counted as suppressed" \
	[ "$(summary "$T/gh.json" '(s["findings"], s["suppressed"]["min_severity"])')" = "(1, 1)" ]
rm "$T/g/x.txt"
for f in human json jsonl sarif gitlab; do
	run_kh scan "${RULES[@]}" "$T/g" -f $f --min-severity high
	check "--min-severity high, only a medium finding ($f): exit 0, not printed" \
		bash -c '[ "$1" = 0 ] && ! grep -q "test-env\|Test env" <<<"$2"' _ "$RC" "$OUT"
done
run_kh scan "${RULES[@]}" "$T/g" --exit-code 3
check "--exit-code 3: findings exit 3" [ "$RC" = 3 ]
KEYHOUND_EXIT_CODE=5 "$KH" scan "${RULES[@]}" "$T/g" >/dev/null
check "KEYHOUND_EXIT_CODE=5: findings exit 5" [ "$?" = 5 ]
run_kh scan "${RULES[@]}" "$T/g" --exit-code 0
check "--exit-code 0: findings reported, exit 0" [ "$RC" = 0 -a -n "$(grep 'Test env' <<<"$OUT")" ]
run_kh scan "${RULES[@]}" "$T/g" "$T/missing" --exit-code 0
check "--exit-code 0 with input that could not be scanned: exit 2" [ "$RC" = 2 ]
run_kh scan "${RULES[@]}" "$T/g" "$T/missing" --exit-code 3
check "--exit-code 3 with findings and an error: exit 3 (findings win, as without it)" [ "$RC" = 3 ]
run_kh scan "${RULES[@]}" "$T/g" --exit-code 2
check "--exit-code 2 is refused" [ "$RC" = 2 -a -n "$(grep 'refused' <<<"$ERR")" ]
run_kh scan "${RULES[@]}" "$T/g" --exit-code 3 --output "$T/no/such/dir/report.json"
check "--exit-code 3 and a report that cannot be written: exit 2" [ "$RC" = 2 ]
run_kh scan "${RULES[@]}" "$T/g" --exit-code 3 --write-baseline "$T/no/such/dir/b.json"
check "--exit-code 3 and a baseline that cannot be written: exit 2" [ "$RC" = 2 ]
run_kh scan "${RULES[@]}" "$T/g" --min-severity severe
check "--min-severity takes low, medium, high or critical" [ "$RC" = 2 ]

# ---- skips are not errors: bytes that look like an archive and do not open as one ----
mkdir -p "$T/s/testdata"
printf 'PK\003\004 not really a zip\nk = tok_S1b2C3d4E5f6G7h8I9j0K1l2\n' >"$T/s/testdata/corrupt.zip"
printf '\037\213\010\000 not really gzip\n' >"$T/s/testdata/golden.gz"
run_kh scan "${RULES[@]}" "$T/s" -f json
echo "$OUT" >"$T/s.json"
check "a corrupt archive is scanned as plain bytes: its secret is found (exit 1)" \
	[ "$RC" = 1 -a "$(summary "$T/s.json" 's["findings"]')" = 1 ]
check "a corrupt archive is the skip archive-unreadable, not an error" \
	[ "$(summary "$T/s.json" '(s["skipped"].get("archive-unreadable"), s["error_count"])')" = "(2, 0)" ]
check "no message prints (null)" bash -c '! grep -q "(null)" <<<"$1$2"' _ "$OUT" "$ERR"
rm "$T/s/testdata/corrupt.zip"
run_kh scan "${RULES[@]}" "$T/s"
check "a corrupt archive alone: exit 0, the skip listed" [ "$RC" = 0 -a -n "$(grep 'archive-unreadable 1' <<<"$OUT")" ]
run_kh scan "${RULES[@]}" "$T/s" --strict
check "a corrupt archive under --strict: exit 2" [ "$RC" = 2 ]
git -C "$R" rm -q src/deep/app.conf
cp "$T/s/testdata/golden.gz" "$R/golden.gz" && git -C "$R" add golden.gz && git -C "$R" commit -qm golden
run_kh git "${RULES[@]}" "$R" -f json
echo "$OUT" >"$T/sg.json"
check "git history: a corrupt archive in a commit is a counted skip, not an error (exit 1 for the old secret)" \
	[ "$RC" = 1 -a "$(summary "$T/sg.json" '(s["skipped"].get("archive-unreadable"), s["error_count"])')" = "(1, 0)" ]

# ---- history: one finding per (rule, path, secret), occurrences counted ----
H=$T/hist
S=tok_H1b2C3d4E5f6G7h8I9j0K1l2
git init -q "$H"
git -C "$H" config user.email dev@example.com
git -C "$H" config user.name Dev
commit() { # commit DAY MESSAGE: everything in the work tree, at a known date
	git -C "$H" add -A
	GIT_AUTHOR_DATE="2020-01-0$1T12:00:00+00:00" GIT_COMMITTER_DATE="2020-01-0$1T12:00:00+00:00" \
		git -C "$H" commit -qm "$2"
	git -C "$H" rev-parse HEAD
}
printf 'k = %s\n' $S >"$H/a.txt"
C1=$(commit 1 add)
printf 'x\nk = %s\n' $S >"$H/a.txt"
C2=$(commit 2 edit)
cp "$H/a.txt" "$H/b.txt"
printf 'c = %s\n' $S >"$H/c.txt"
C3=$(commit 3 copy)
rm "$H/a.txt" "$H/c.txt"
C4=$(commit 4 delete)
printf 'k = %s\n' $S >"$H/a.txt"
C5=$(commit 5 re-add)
printf 'y\nx\nk = %s\n' $S >"$H/b.txt"
C6=$(commit 6 edit-copy)
"$KH" git "${RULES[@]}" "$H" --format jsonl >"$T/h.jsonl"
"$KH" git "${RULES[@]}" "$H" --format jsonl --all-occurrences >"$T/hall.jsonl"
got=$(python3 -c '
import json, sys
for l in open(sys.argv[1]):
    f = json.loads(l)
    print(f["path"], f["commit"][:7], f["line"], f["occurrences"], f["last_commit"][:7], f["in_head"])' "$T/h.jsonl")
want="a.txt ${C1:0:7} 1 2 ${C2:0:7} True
b.txt ${C3:0:7} 2 2 ${C6:0:7} True
c.txt ${C3:0:7} 1 1 ${C3:0:7} False"
check "git: one finding per (rule, path, secret): commit, line, occurrences, last_commit, in_head as computed by hand" \
	[ "$got" = "$want" ]
[ "$got" = "$want" ] || printf 'got:\n%s\nwant:\n%s\n' "$got" "$want"
check "the sum of occurrences (5) is the finding count under --all-occurrences" \
	[ "$(field "$T/h.jsonl" 'sum(f["occurrences"] for f in fs)')" = 5 -a "$(wc -l <"$T/hall.jsonl")" = 5 ]
check "--all-occurrences: one finding per blob, each its own last_commit" \
	jsonl_check 'len(fs) == 5 and all(f["occurrences"] == 1 and f["last_commit"] == f["commit"] for f in fs)' "$T/hall.jsonl"
run_kh git "${RULES[@]}" "$H"
check "human: a grouped finding says in how many versions and the last commit" \
	has_line "in 2 versions of this file, the last added by ${C6:0:12} (still in HEAD)" "$OUT"
"$KH" sweep "${RULES[@]}" "$H" --state "$T/h.db" --format jsonl >"$T/hs.jsonl"
check "sweep: the same three findings and counts" \
	[ "$(field "$T/hs.jsonl" 'sorted((f["path"], f["occurrences"], f["last_commit"][:7]) for f in fs)')" = "[('a.txt', 2, '${C2:0:7}'), ('b.txt', 2, '${C6:0:7}'), ('c.txt', 1, '${C3:0:7}')]" ]
"$KH" sweep "${RULES[@]}" "$H" --state "$T/h.db" --format jsonl >"$T/hs2.jsonl"
check "sweep again (unchanged, from the state): the same" cmp -s "$T/hs.jsonl" "$T/hs2.jsonl"
"$KH" git "${RULES[@]}" "$H" --since "$C2" --format jsonl >"$T/hr.jsonl"
check "git --since: the lines C3..C6 add (b.txt and c.txt in C3, a.txt again in C5), one each" \
	[ "$(field "$T/hr.jsonl" 'sorted((f["path"], f["commit"][:7], f["occurrences"]) for f in fs)')" = "[('a.txt', '${C5:0:7}', 1), ('b.txt', '${C3:0:7}', 1), ('c.txt', '${C3:0:7}', 1)]" ]

# ---- SARIF that code scanning ingests ----
"$KH" git "${RULES[@]}" "$H" --format sarif >"$T/h.sarif"
git -C "$H" commit -q --allow-empty -m "rotate tok_M1b2C3d4E5f6G7h8I9j0K1l2"
"$KH" git "${RULES[@]}" "$H" --format sarif >"$T/hm.sarif"
(cd "$T/p" && "$KH" scan "${RULES[@]}" pos --format sarif >"$T/two.sarif")
check "SARIF: every result has a physical location, a relative uri with uriBaseId and a startLine" python3 -c '
import json, sys
n = 0
for p in sys.argv[1:]:
    for r in json.load(open(p))["runs"][0]["results"]:
        pl = r["locations"][0]["physicalLocation"]
        assert pl["artifactLocation"]["uriBaseId"] == "%SRCROOT%" and not pl["artifactLocation"]["uri"].startswith("/")
        assert pl["region"]["startLine"] >= 1
        n += 1
assert n >= 6, n
' "$T/h.sarif" "$T/hm.sarif" "$T/two.sarif"
check "SARIF: a commit message's finding sits at .keyhound/commit/<sha12>/message" \
	grep -q "\"uri\": \".keyhound/commit/$(git -C "$H" rev-parse HEAD | cut -c1-12)/message\"" "$T/hm.sarif"
check "SARIF: uri is root_path (pos/leaky.zip!... scanned from its parent is leaky.zip!conf/app.env)" \
	grep -q '"uri": "leaky.zip!conf/app.env"' "$T/two.sarif"
check "SARIF: rules carry shortDescription, a longer fullDescription, help and security-severity as a string" python3 -c '
import json, sys
for r in json.load(open(sys.argv[1]))["runs"][0]["tool"]["driver"]["rules"]:
    assert r["shortDescription"]["text"] and r["help"]["text"] and r["help"]["markdown"]
    assert r["fullDescription"]["text"] != r["shortDescription"]["text"]
    assert 0.0 <= float(r["properties"]["security-severity"]) <= 10.0 and isinstance(r["properties"]["security-severity"], str)
' "$T/h.sarif"
check "SARIF: partialFingerprints carry the fingerprint" python3 -c '
import json, sys
fs = {json.loads(l)["fingerprint"] for l in open(sys.argv[2])}
assert {r["partialFingerprints"]["keyhound/v1"] for r in json.load(open(sys.argv[1]))["runs"][0]["results"]} == fs
' "$T/h.sarif" "$T/h.jsonl"
check "SARIF: automationDetails.id is keyhound/<command>/<root>/" \
	grep -q "\"id\": \"keyhound/git/$H/\"" "$T/h.sarif"
"$KH" git "${RULES[@]}" "$H" --format sarif --sarif-category ci/secrets >"$T/hc.sarif"
check "SARIF: --sarif-category sets it" grep -q '"id": "ci/secrets/"' "$T/hc.sarif"
# over 25,000 results: the most severe kept, the rest counted
cat >"$T/rules/low.yml" <<'YML'
rules:
  - id: test-low
    name: Low token
    pattern: '\b(low_[A-Za-z0-9]{24})\b'
    severity: low
    confidence: high
    examples: ['low_A1b2C3d4E5f6G7h8I9j0K1l2']
    negative_examples: ['low_short']
YML
mkdir -p "$T/many"
python3 -c '
import random, string, sys
r = random.Random(7)
tok = lambda p: p + "".join(r.choice(string.ascii_letters + string.digits) for _ in range(24))
with open(sys.argv[1] + "/low.txt", "w") as f:
    for _ in range(25000): f.write("k = " + tok("low_") + "\n")
with open(sys.argv[1] + "/high.txt", "w") as f:
    for _ in range(10): f.write("k = " + tok("tok_") + "\n")
' "$T/many"
"$KH" scan "${RULES[@]}" "$T/many" --max-findings-per-blob 30000 --format sarif >"$T/many.sarif" 2>"$T/many.err"
check "SARIF: 25,010 findings: 25,000 results, the 10 high ones kept, 10 dropped (run properties and stderr)" python3 -c '
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
res = run["results"]
assert len(res) == 25000 and sum(r["ruleId"] == "test-token" for r in res) == 10
assert run["properties"]["results_dropped"] == 10
assert all(len(r["locations"]) <= 1000 for r in res)
assert "25000 most severe of 25010" in open(sys.argv[2]).read()
' "$T/many.sarif" "$T/many.err"

finish
