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

finish
