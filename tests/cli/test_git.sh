#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# keyhound git: history with provenance, staged changes, ranges and pre-push, on
# repositories this script builds.
set -u
KH_BIN=${KH_BIN:?} KH_SOURCE_DIR=${KH_SOURCE_DIR:?}
T=$(mktemp -d /tmp/kh_test_git.XXXXXX)
trap 'rm -rf "$T"' EXIT
fails=0
export GIT_CONFIG_NOSYSTEM=1 HOME=$T/home NO_COLOR=1
mkdir -p "$HOME"
git config --global user.name "Ann Dev"
git config --global user.email ann@example.com
git config --global init.defaultBranch main
git config --global advice.detachedHead false

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
TOK1=khtok_q8w3e7r1t9y5u2i6o4p0a1s3
TOK2=khtok_b7n2m4v6c8x0z1l3k5j7h9g2
TOK3=khtok_p1o2i3u4y5t6r7e8w9q0a1k7

kh() { "$KH_BIN" "$@" --no-default-rules --rules "$T/rules" --no-progress; }
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
check() { # check NAME EXPECTED ACTUAL
	if [ "$2" != "$3" ]; then fail "$1: expected [$2], got [$3]"; else echo "ok: $1"; fi
}
# the values of one field of every jsonl finding, one a line
field() { sed -n "s/.*\"$1\":\(\"[^\"]*\"\|[a-z0-9]*\).*/\1/p" | tr -d '"'; }
commit_of() { git -C "$1" rev-parse "$2"; }

# ---- history: a secret added then removed, one blob at two paths, messages ----
R=$T/hist
git init -q "$R"
cd "$R"
echo hello >a.txt && git add . && git commit -qm first
echo "token = $TOK1" >>a.txt && git add . && git commit -qm "add the token"
C_ADD=$(git rev-parse HEAD)
cp a.txt b.txt && git add . && git commit -qm "copy it"
C_COPY=$(git rev-parse HEAD)
git rm -q a.txt b.txt && echo clean >c.txt && git add . && git commit -qm "remove it, mention $TOK2"
C_MSG=$(git rev-parse HEAD)
out=$(kh git --format jsonl); rc=$?
check "history exit code" 1 "$rc"
check "history paths" "a.txt b.txt" "$(echo "$out" | grep -v '"commit_message":true' | field path | sort | xargs)"
check "provenance of a.txt is the commit that added it" "$C_ADD" "$(echo "$out" | grep '"path":"a.txt"' | field commit)"
check "provenance of b.txt is the commit that copied it" "$C_COPY" "$(echo "$out" | grep '"path":"b.txt"' | field commit)"
check "removed secret is not in HEAD" "false" "$(echo "$out" | grep '"path":"a.txt"' | field in_head)"
check "author" "Ann Dev" "$(echo "$out" | grep '"path":"a.txt"' | field author)"
check "email" "ann@example.com" "$(echo "$out" | grep '"path":"a.txt"' | field email)"
check "message" "add the token" "$(echo "$out" | grep '"path":"a.txt"' | field message)"
echo "$out" | grep '"path":"a.txt"' | grep -q '"date":"[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9][+-][0-9][0-9]:[0-9][0-9]"' \
	|| fail "date is not ISO 8601: $out"
check "line" "2" "$(echo "$out" | grep '"path":"a.txt"' | field line)"
check "commit message finding" "$C_MSG" "$(echo "$out" | grep '"commit_message":true' | field commit)"
echo "$out" | grep '"commit_message":true' | grep -q "$TOK2" && fail "a commit message finding prints the secret without --show-secrets"
# each unique blob once: blobs scanned = distinct blobs + commit messages
nblobs=$(git rev-list --all --objects | cut -d' ' -f1 | git cat-file --batch-check='%(objecttype)' | grep -c blob)
ncommits=$(git rev-list --all | wc -l)
json=$(kh git --format json)
check "each blob scanned once" "$((nblobs + ncommits))" "$(echo "$json" | tr -d ' \n' | sed -n 's/.*"blobs":\([0-9]*\).*/\1/p')"

# --staged of a later clean change does not report the old secret
echo "token = $TOK1" >d.txt && git add d.txt && git commit -qm "secret again"
echo "more" >>d.txt && git add d.txt
out=$(kh git --staged --format jsonl); rc=$?
check "staged clean change beside an old secret" "0 " "$rc $out"

# ---- a copied folder: the same tree at a second folder gives its blobs new paths ----
R=$T/copydir
git init -q "$R"
cd "$R"
mkdir docs && echo "key = $TOK1" >docs/k.txt && git add . && git commit -qm docs
mkdir deploy && cp docs/k.txt deploy/k.txt && git add . && git commit -qm deploy
C_DEPLOY=$(git rev-parse HEAD)
out=$(kh git --format jsonl)
check "copied folder: both paths reported" "deploy/k.txt docs/k.txt" "$(echo "$out" | field path | sort | xargs)"
check "copied folder: provenance of the copy" "$C_DEPLOY" "$(echo "$out" | grep '"path":"deploy/k.txt"' | field commit)"
printf 'allow:\n  paths: [docs/**]\n' >.keyhound.yml
out=$(kh git --format jsonl)
check "allowed at docs/, still reported at deploy/" "deploy/k.txt" "$(echo "$out" | field path | xargs)"

# ---- a bare repository: its configuration is the .keyhound.yml in HEAD's tree ----
git -C "$T/copydir" add .keyhound.yml && git -C "$T/copydir" commit -qm "allow docs"
git clone -q --bare "$T/copydir" "$T/copydir.git"
out=$(kh git "$T/copydir.git" --format jsonl)
check "bare: HEAD's .keyhound.yml allows docs/" "deploy/k.txt" "$(echo "$out" | field path | xargs)"
out=$("$KH_BIN" sweep "$T/copydir.git" --state "$T/bare-sweep.db" --no-default-rules --rules "$T/rules" --no-progress --format jsonl)
check "bare, swept: HEAD's .keyhound.yml applies per repository" "deploy/k.txt" "$(echo "$out" | field path | xargs)"
R=$T/badcfg
git init -q "$R"
printf 'allow:\n  pathz: [x]\n' >"$R/.keyhound.yml"
git -C "$R" add . && git -C "$R" commit -qm cfg
git clone -q --bare "$R" "$T/badcfg.git"
err=$(kh git "$T/badcfg.git" 2>&1 >/dev/null); rc=$?
check "bare: a bad .keyhound.yml in HEAD is a configuration error" 2 "$rc"
echo "$err" | grep -q "badcfg.git/.keyhound.yml:2" && echo "ok: bare: the error names the file and line" || fail "bare: error names the file and line: $err"

# ---- merges and tags ----
R=$T/merge
git init -q "$R"
cd "$R"
echo base >base.txt && git add . && git commit -qm base
git checkout -qb feature
echo "k = $TOK1" >feat.txt && git add . && git commit -qm "feature work"
C_FEAT=$(git rev-parse HEAD)
git checkout -q main
echo other >other.txt && git add . && git commit -qm "main work"
git merge -q --no-ff -m "merge feature" feature
git branch -qD feature
out=$(kh git --format jsonl)
check "merged secret keeps its branch commit" "$C_FEAT" "$(echo "$out" | grep '"path":"feat.txt"' | field commit)"
check "merged secret is in HEAD" "true" "$(echo "$out" | grep '"path":"feat.txt"' | field in_head)"
# a commit only a tag reaches
git checkout -q --detach
echo "t = $TOK2" >tagged.txt && git add . && git commit -qm "tagged only"
C_TAG=$(git rev-parse HEAD)
git tag -a v1 -m "release"
git checkout -q main
out=$(kh git --format jsonl)
check "annotated tag reaches its commit" "$C_TAG" "$(echo "$out" | grep '"path":"tagged.txt"' | field commit)"
# the stash
echo "s = $TOK3" >>base.txt && git stash -q
out=$(kh git --format jsonl)
check "stash is scanned" "base.txt" "$(echo "$out" | grep "\"commit_message\":false" | grep '"path":"base.txt"' | field path | sort -u)"

# ---- packed, bare, shallow ----
before=$(kh git --format jsonl | field fingerprint | sort)
git gc -q --prune=now
after=$(kh git --format jsonl | field fingerprint | sort)
check "packed repository gives the same findings" "$before" "$after"
low=$(kh git --max-tree-memory 1 --format jsonl | field fingerprint | sort)
check "trees over --max-tree-memory are walked whole: same findings" "$after" "$low"
kh git --max-tree-memory 1 --format json | grep -q "walked whole" || fail "--max-tree-memory is not noted in the summary"
git clone -q --bare "$R" "$T/bare.git"
git -C "$T/bare.git" tag -d v1 >/dev/null
bare=$(kh git "$T/bare.git" --format jsonl | grep -c '"path":"feat.txt"')
check "bare repository" "1" "$bare"
git clone -q --depth 1 "file://$R" "$T/shallow"
out=$(kh git "$T/shallow" --format jsonl); rc=$?
check "shallow clone: exit code" "1" "$rc"
check "shallow clone: the cut commit is a root" "feat.txt" "$(echo "$out" | grep '"commit_message":false' | field path | sort -u | xargs)"

# ---- a damaged repository ----
broken_repo() { # broken_repo DIR [EXTRA_TOKEN]: the blob of bad.txt is deleted
	git init -q "$1"
	cd "$1"
	echo "fine" >ok.txt && git add . && git commit -qm ok
	echo "k = $TOK1" >bad.txt && git add . && git commit -qm bad
	if [ -n "${2:-}" ]; then echo "k = $2" >also.txt && git add . && git commit -qm more; fi
	blob=$(git rev-parse HEAD:bad.txt)
	rm -f ".git/objects/${blob:0:2}/${blob:2}"
}
broken_repo "$T/broken"
out=$(kh git --format json 2>&1); rc=$?
check "missing object, nothing found: exit code" "2" "$rc"
echo "$out" | grep -q "missing or corrupt object" || fail "missing object is not listed: $out"
echo "$out" | grep -q '"error_count": *1' || fail "error count: $out"
broken_repo "$T/broken2" "$TOK2"
out=$(kh git --format json 2>&1); rc=$?
check "missing object, something found: exit code" "1" "$rc"
echo "$out" | grep -q '"error_count": *1' || fail "error count with a finding: $out"


# ---- --all-objects: a blob only rewritten history had ----
R=$T/dangling
git init -q "$R"
cd "$R"
echo "base" >f.txt && git add . && git commit -qm base
echo "k = $TOK1" >>f.txt && git add . && git commit -qm oops
git reset -q --hard HEAD~1
git reflog expire --expire=now --all
check "unreachable blob is not history" "0" "$(kh git --format jsonl >/dev/null; echo $?)"
out=$(kh git --all-objects --format jsonl)
check "--all-objects finds the loose dangling blob" "1" "$(echo "$out" | grep -c "$(echo "$TOK1" | cut -c1-4)")"
git repack -q -a -d --cruft   # unreachable objects go into a cruft pack
[ -z "$(find .git/objects -path '*/objects/[0-9a-f][0-9a-f]/*' -type f)" ] || fail "objects left loose after repack"
out=$(kh git --all-objects --format jsonl)
check "--all-objects finds the packed dangling blob" "1" "$(echo "$out" | grep -c '"path":"(unreachable blob')"

# ---- a damaged pack: the object is an error, the rest is scanned ----
R=$T/badpack
git init -q "$R"
cd "$R"
echo "k = $TOK2" >good.txt && git add . && git commit -qm good
head -c 20000 /dev/urandom | base64 >big.txt && echo "k = $TOK1" >>big.txt && git add . && git commit -qm big
git gc -q --prune=now
pack=$(ls .git/objects/pack/*.pack)
blob=$(git rev-parse HEAD:big.txt)
off=$(git verify-pack -v "${pack%.pack}.idx" | awk -v b="$blob" '$1 == b {print $5 + int($4 / 2)}')
chmod u+w "$pack"
printf '\xde\xad\xbe\xef\xde\xad\xbe\xef' | dd of="$pack" bs=1 seek="$off" conv=notrunc status=none
out=$(kh git --format json 2>&1); rc=$?
check "damaged pack: the rest is found" "1" "$rc"
echo "$out" | grep -q "good.txt" || fail "damaged pack: good.txt not found"
echo "$out" | grep -q "missing or corrupt object" || fail "damaged pack: the corrupt blob is not an error: $out"

# ---- ranges ----
R=$T/range
git init -q "$R"
cd "$R"
echo "old = $TOK1" >f.txt && git add . && git commit -qm one
A=$(git rev-parse HEAD)
echo "x" >>f.txt && git add . && git commit -qm two
echo "new = $TOK2" >>f.txt && git add . && git commit -qm three
C3=$(git rev-parse HEAD)
out=$(kh git --range "$A..HEAD" --format jsonl)
check "range reports added lines only" "3" "$(echo "$out" | field line | xargs)"
check "range finding has its commit" "$C3" "$(echo "$out" | field commit)"
out2=$(kh git --since "$A" --format jsonl)
check "--since is REV..HEAD" "$out" "$out2"

# ---- staged ----
R=$T/staged
git init -q "$R"
cd "$R"
kh git --staged --format jsonl >/dev/null; rc=$?
check "staged before the first commit, empty index" "0" "$rc"
printf 'line1\nsecret = %s\n' "$TOK1" >new.txt && git add new.txt
out=$(kh git --staged --format jsonl 2>"$T/err"); rc=$?
check "staged new file before the first commit" "1 2" "$rc $(echo "$out" | field line)"
grep -q "keyhound:allow" "$T/err" || fail "blocking message does not say how to allow"
grep -q -- "--no-verify" "$T/err" || fail "blocking message does not say how to bypass"
git commit -qm first --no-verify
git mv new.txt renamed.txt
check "staged rename adds no lines" "0" "$(kh git --staged --format jsonl >/dev/null; echo $?)"
git commit -qm rename
printf 'top\n' | cat - renamed.txt >tmp && mv tmp renamed.txt && git add renamed.txt
check "staged edit beside an old secret" "0" "$(kh git --staged --format jsonl >/dev/null; echo $?)"
echo "again = $TOK2 # keyhound:allow" >>renamed.txt && git add renamed.txt
check "keyhound:allow on the line" "0" "$(kh git --staged --format jsonl >/dev/null; echo $?)"
echo "again = $TOK3" >>renamed.txt && git add renamed.txt
check "staged added line" "5" "$(kh git --staged --format jsonl | field line)"
git commit -qm more --no-verify
git rm -q renamed.txt
check "staged deletion" "0" "$(kh git --staged --format jsonl >/dev/null; echo $?)"
git reset -q --hard
# GIT_INDEX_FILE: git commit -a and git commit PATHS stage into a temporary index
cp .git/index "$T/alt-index"
echo "alt = $TOK2" >alt.txt
GIT_INDEX_FILE=$T/alt-index git add alt.txt
check "default index is clean" "0" "$(kh git --staged --format jsonl >/dev/null; echo $?)"
check "GIT_INDEX_FILE is honoured" "alt.txt" "$(GIT_INDEX_FILE=$T/alt-index kh git --staged --format jsonl | field path)"
rm alt.txt
# `git commit -- path` stages the path's work-tree bytes into a temporary index and runs
# the hook with GIT_INDEX_FILE naming it: the program passes that to the library
echo "clean = 1" >only.txt && git add only.txt && git commit -qm only --no-verify
echo "only = $TOK2" >only.txt
printf '#!/bin/sh\nexec "%s" git --staged --no-default-rules --rules "%s" --no-progress\n' \
	"$KH_BIN" "$T/rules" >.git/hooks/pre-commit
chmod +x .git/hooks/pre-commit
git commit -qm "commit -- path" -- only.txt >/dev/null 2>&1
check "git commit -- path: the hook blocks the secret in the temporary index" \
	"blocked" "$(git log -1 --format=%s | grep -q 'commit -- path' && echo committed || echo blocked)"
rm .git/hooks/pre-commit
git checkout -q -- only.txt
# a staged blob over --max-file-size is skipped as such (the reader's code says so, not
# its message), not reported as an error
head -c 3000 /dev/zero | tr '\0' 'a' >big.txt && git add big.txt
kh git --staged --max-file-size 1000 --format json >"$T/big.json"
check "staged blob over --max-file-size: counted as max-file-size, no error" "1 0" \
	"$(python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["summary"]; print(s["skipped"].get("max-file-size"), len(s["errors"]))' "$T/big.json")"
git reset -q big.txt && rm big.txt


# index formats and shapes of change: the fast reader and libgit2 must agree
R=$T/staged2
git init -q "$R"
cd "$R"
mkdir -p src/deep docs
for i in $(seq 1 30); do echo "line $i of the module" >>src/deep/mod.txt; done
echo "old = $TOK1" >>src/deep/mod.txt
echo "readme" >docs/readme.txt
git add . && git commit -qm base --no-verify
both() { # both NAME EXPECTED: the fast path and libgit2 give the lines expected
	check "$1" "$2" "$(kh git --staged --format jsonl | field line | xargs)"
	check "$1 (libgit2)" "$2" "$(KH_GIT_STAGED_LIBGIT2=1 kh git --staged --format jsonl | field line | xargs)"
}
git mv src moved
both "moved folder adds nothing" ""
git commit -qm moved --no-verify
sed -i 's/line 3 of/line three of/' moved/deep/mod.txt
git mv moved/deep/mod.txt moved/deep/renamed.txt
echo "fresh = $TOK2" >>moved/deep/renamed.txt && git add -A
both "similar rename: only its new line" "32"
git commit -qm "rename and edit" --no-verify
echo "v4 = $TOK3" >>docs/readme.txt && git add docs/readme.txt
git update-index --index-version 4
both "index version 4" "2"
git update-index --index-version 2
# no cache tree: read-tree writes an index without one
git commit -qm v4 --no-verify
git read-tree HEAD
echo "nc = $TOK1" >docs/new.txt && git add docs/new.txt
both "index without a cache tree" "1"
git commit -qm nocache --no-verify
# a submodule (gitlink) is another repository: skipped
git init -q "$T/sub" && (cd "$T/sub" && echo "k = $TOK2" >s.txt && git add . && git commit -qm s)
git -c protocol.file.allow=always submodule add -q "$T/sub" sub 2>/dev/null
both "submodule skipped" ""

# ---- pre-push ----
R=$T/push
git init -q --bare "$T/remote.git"
git init -q "$R"
cd "$R"
git remote add origin "$T/remote.git"
echo "old = $TOK1" >p.txt && git add . && git commit -qm one
git push -q origin main
OLD=$(git rev-parse HEAD)
echo "new = $TOK2" >>p.txt && git add . && git commit -qm two
NEW=$(git rev-parse HEAD)
Z=0000000000000000000000000000000000000000
out=$(echo "refs/heads/main $NEW refs/heads/main $OLD" | kh git --pre-push --format jsonl); rc=$?
check "pre-push update: only the new commit's lines" "1 2 $NEW" "$rc $(echo "$out" | field line) $(echo "$out" | field commit)"
git checkout -qb topic
echo "t = $TOK3" >t.txt && git add . && git commit -qm topic
TOPIC=$(git rev-parse HEAD)
out=$(echo "refs/heads/topic $TOPIC refs/heads/topic $Z" | kh git --pre-push --format jsonl)
check "pre-push new branch: commits no remote-tracking ref has" "$NEW $TOPIC" "$(echo "$out" | field commit | xargs)"
out=$(echo "(delete) $Z refs/heads/gone $OLD" | kh git --pre-push --format jsonl); rc=$?
check "pre-push deletion" "0 " "$rc $out"
out=$(PRE_COMMIT_FROM_REF=$NEW PRE_COMMIT_TO_REF=$TOPIC kh git --pre-push --format jsonl </dev/null)
check "pre-push from PRE_COMMIT_FROM_REF/TO_REF" "$TOPIC" "$(echo "$out" | field commit)"
git tag -a vt -m tag "$TOPIC"
out=$(echo "refs/tags/vt $(git rev-parse vt) refs/tags/vt $Z" | kh git --pre-push --format jsonl)
check "pre-push of an annotated tag is peeled" "$NEW $TOPIC" "$(echo "$out" | field commit | xargs)"

echo "$fails failure(s)"
[ "$fails" = 0 ]
