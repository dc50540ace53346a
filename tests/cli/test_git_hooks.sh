#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# keyhound's git hooks: hook install (core.hooksPath, refusing foreign hooks), the hooks
# blocking a commit and a push, and the pre-commit framework with .pre-commit-hooks.yaml.
set -u
KH_BIN=${KH_BIN:?} KH_SOURCE_DIR=${KH_SOURCE_DIR:?}
T=$(mktemp -d /tmp/kh_test_hooks.XXXXXX)
trap 'rm -rf "$T"' EXIT
fails=0
export GIT_CONFIG_NOSYSTEM=1 HOME=$T/home NO_COLOR=1
mkdir -p "$HOME" "$T/bin" "$T/rules"
git config --global user.name "Ann Dev"
git config --global user.email ann@example.com
git config --global init.defaultBranch main
cat >"$T/rules/test.yml" <<'EOF'
rules:
  - id: test-token
    name: Test token
    pattern: '\b(khtok_[a-z0-9]{24})\b'
    severity: high
    confidence: high
    examples: ['x = khtok_q8w3e7r1t9y5u2i6o4p0a1s3', 'khtok_z8w3e7r1t9y5u2i6o4p0a1s3']
    negative_examples: ['khtok_short', 'khtok_']
  - id: test-key-file
    name: Test key file
    paths: ['*.pem']
    severity: high
    confidence: high
    examples: [{path: a/x.pem, text: 'k'}]
    negative_examples: [{path: a/x.txt, text: 'k'}]
EOF
# `keyhound` on PATH (a link: the hooks record the program it points at), with the test's
# rules through the KEYHOUND_* variables
ln -s "$KH_BIN" "$T/bin/keyhound"
export PATH="$T/bin:$PATH" KEYHOUND_NO_DEFAULT_RULES=1 KEYHOUND_RULES=$T/rules KEYHOUND_NO_PROGRESS=1
KH_REAL=$(readlink -f "$KH_BIN")
# an installed hook is hooks/NAME with the program's path filled in
same_as_source() {
	sed "s|'$KH_REAL'|@KEYHOUND@|" "$1" | cmp -s - "$KH_SOURCE_DIR/hooks/$2"
}
TOK=khtok_q8w3e7r1t9y5u2i6o4p0a1s3

fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
check() { if [ "$2" != "$3" ]; then fail "$1: expected [$2], got [$3]"; else echo "ok: $1"; fi; }

# ---- hook install ----
R=$T/repo
git init -q "$R"
cd "$R"
git config core.hooksPath .githooks
keyhound hook install --pre-commit --pre-push >"$T/out" 2>&1
check "install exit code" "0" "$?"
same_as_source .githooks/pre-commit pre-commit || fail "installed pre-commit differs from hooks/pre-commit"
same_as_source .githooks/pre-push pre-push || fail "installed pre-push differs from hooks/pre-push"
grep -q "the hooks run $KH_REAL" "$T/out" || fail "install does not say which keyhound the hooks run: $(cat "$T/out")"
[ -x .githooks/pre-commit ] && [ -x .githooks/pre-push ] || fail "hooks are not executable"
[ ! -e .git/hooks/pre-commit ] || fail "core.hooksPath ignored: hook written to .git/hooks"
keyhound hook install >/dev/null 2>&1
check "reinstall over its own hooks" "0" "$?"
printf '#!/bin/sh\necho mine\n' >.githooks/pre-push
keyhound hook install --pre-push >/dev/null 2>"$T/err"
check "refuses a hook it did not write" "2" "$?"
grep -q -- "--force" "$T/err" || fail "refusal does not mention --force: $(cat "$T/err")"
grep -q "echo mine" .githooks/pre-push || fail "foreign hook was overwritten"
keyhound hook install --pre-push --force >/dev/null 2>&1
check "--force replaces it" "0" "$?"
same_as_source .githooks/pre-push pre-push || fail "--force did not install pre-push"
git init -q "$T/plain"
keyhound hook install --pre-commit "$T/plain" >/dev/null 2>&1
[ -x "$T/plain/.git/hooks/pre-commit" ] || fail "no core.hooksPath: not in .git/hooks"

# ---- the hooks at work ----
echo "hello" >a.txt && git add a.txt
git commit -qm first 2>"$T/err"
check "clean commit passes" "0" "$?"
echo "key = $TOK" >>a.txt && git add a.txt
git commit -qm secret 2>"$T/err"
check "commit with a secret is blocked" "1" "$([ $? -ne 0 ] && echo 1 || echo 0)"
grep -q "a.txt" "$T/err" || fail "block message does not say where: $(cat "$T/err")"
grep -q "keyhound:allow" "$T/err" || fail "block message does not say how to allow"
grep -q "git commit --no-verify" "$T/err" || fail "block message does not say how to bypass"
git commit -qm secret --no-verify
# git commit -a and git commit PATHS run the hook on a temporary index
echo "more = khtok_b7n2m4v6c8x0z1l3k5j7h9g2" >>a.txt
git commit -qam "commit -a" 2>"$T/err"
check "git commit -a with a secret is blocked" "1" "$([ $? -ne 0 ] && echo 1 || echo 0)"
git commit -qm "commit PATHS" a.txt 2>"$T/err"
check "git commit PATHS with a secret is blocked" "1" "$([ $? -ne 0 ] && echo 1 || echo 0)"
git checkout -q a.txt
echo "clean" >b.txt && git add b.txt && echo "late = khtok_b7n2m4v6c8x0z1l3k5j7h9g2" >>a.txt
git commit -qm "only b" b.txt 2>"$T/err"
check "git commit PATHS ignores what is not committed" "0" "$?"
git checkout -q a.txt
git init -q --bare "$T/remote.git"
git remote add origin "$T/remote.git"
git push -q origin main 2>"$T/err"
check "push of a commit adding a secret is blocked" "1" "$([ $? -ne 0 ] && echo 1 || echo 0)"
grep -q "git push --no-verify" "$T/err" || fail "push block message does not say how to bypass"
git push -q --no-verify origin main 2>/dev/null
echo "more" >>a.txt && git commit -qam clean --no-verify
git push -q origin main 2>"$T/err"
check "push of clean commits passes" "0" "$?"

# ---- the hooks work from any install: the recorded program, whatever PATH says ----
echo "k = khtok_c1v2b3n4m5a6s7d8f9g0h1j2" >c.txt && git add c.txt
env PATH=/usr/bin:/bin git commit -qm "no keyhound on PATH" 2>"$T/err"
check "a hook run without keyhound on PATH still blocks" "1" "$([ $? -ne 0 ] && echo 1 || echo 0)"
grep -q "c.txt" "$T/err" || fail "hook without PATH did not run keyhound: $(cat "$T/err")"
git reset -q c.txt && rm c.txt
mkdir -p "$T/moved" && cp "$KH_BIN" "$T/moved/keyhound"
M=$T/movedrepo && git init -q "$M"
(cd "$M" && "$T/moved/keyhound" hook install --pre-commit >/dev/null)
rm "$T/moved/keyhound"
(cd "$M" && echo x >x.txt && git add x.txt && git commit -qm x) 2>"$T/err"
check "a hook whose keyhound is gone fails closed" "1" "$([ $? -ne 0 ] && echo 1 || echo 0)"
grep -q "$T/moved/keyhound is not there any more" "$T/err" || fail "missing program not named: $(cat "$T/err")"
grep -q "hook install --force" "$T/err" || fail "missing program: the fix is not named: $(cat "$T/err")"

# ---- block messages fit the finding ----
B=$T/advice && git init -q "$B" && cd "$B"
keyhound hook install >/dev/null
echo "k" >server.pem && git add server.pem
git commit -qm key 2>"$T/err"
grep -q "server.pem holds a key" "$T/err" || fail "key file: no 'holds a key' advice: $(cat "$T/err")"
grep -q "git rm --cached 'server.pem'" "$T/err" || fail "key file: no git rm --cached"
grep -q "Rotate it.*may already be copied" "$T/err" || fail "key file: no rotate advice"
git rm -q --cached server.pem && rm server.pem
mkdir -p app && echo "TOKEN=khtok_e1r2t3y4u5i6o7p8a9s0d1f2" >app/.env && git add app/.env
git commit -qm env 2>"$T/err"
grep -q "echo '.env' >> .gitignore && git rm --cached 'app/.env'" "$T/err" || fail ".env: no .gitignore + git rm --cached advice: $(cat "$T/err")"
grep -q "Rotate it" "$T/err" || fail ".env: no rotate advice"
git rm -q --cached app/.env && rm -r app
echo "k = khtok_g1h2j3k4l5z6x7c8v9b0n1m2" >code.txt && git add code.txt && git commit -qm code --no-verify
git init -q --bare "$T/advice.git" && git remote add origin "$T/advice.git"
git push -q origin main 2>"$T/err"
c=$(git rev-parse --short=12 HEAD)
grep -q "already committed, in $c" "$T/err" || fail "push: the commit to rewrite ($c) is not named: $(cat "$T/err")"
grep -q "keyhound:allow" "$T/err" || fail "push: no keyhound:allow for a line finding"
grep -q "Rotate it" "$T/err" || fail "push: no rotate advice"

# ---- hook uninstall ----
cd "$R"
printf '#!/bin/sh\necho mine\n' >.githooks/pre-push
keyhound hook uninstall >"$T/out" 2>&1
check "uninstall exit code" "0" "$?"
[ ! -e .githooks/pre-commit ] || fail "uninstall left keyhound's pre-commit"
grep -q "echo mine" .githooks/pre-push || fail "uninstall removed a hook keyhound did not write"

# ---- --global: every repository, then the repository's own hook ----
G=$T/global && git init -q "$G" && cd "$G"
keyhound hook install --global >"$T/out" 2>&1
check "install --global exit code" "0" "$?"
check "global core.hooksPath" "$HOME/.config/keyhound/hooks" "$(git config --global core.hooksPath)"
printf '#!/bin/sh\necho "own $(basename "$0") ran" >>"%s"\ncat >>"%s"\n' "$T/own.log" "$T/own.stdin" >.git/hooks/pre-push
printf '#!/bin/sh\necho "own pre-commit ran" >>"%s"\n' "$T/own.log" >.git/hooks/pre-commit
printf '#!/bin/sh\necho "own commit-msg ran" >>"%s"\n' "$T/own.log" >.git/hooks/commit-msg
chmod +x .git/hooks/pre-push .git/hooks/pre-commit .git/hooks/commit-msg
echo fine >f.txt && git add f.txt && git commit -qm clean 2>"$T/err"
check "global: clean commit passes" "0" "$?"
grep -q "own pre-commit ran" "$T/own.log" || fail "global: the repository's own pre-commit did not run"
grep -q "own commit-msg ran" "$T/own.log" || fail "global: the repository's own commit-msg did not run"
: >"$T/own.log"
echo "k = khtok_p1o2i3u4y5t6r7e8w9q0a1s2" >>f.txt && git add f.txt
git commit -qm secret 2>"$T/err"
check "global: secret blocked" "1" "$([ $? -ne 0 ] && echo 1 || echo 0)"
[ ! -s "$T/own.log" ] || fail "global: the repository's own hook ran after a block"
git commit -qm secret --no-verify
git init -q --bare "$T/global.git" && git remote add origin "$T/global.git"
git push -q origin main 2>"$T/err"
check "global: push of a secret blocked" "1" "$([ $? -ne 0 ] && echo 1 || echo 0)"
git push -q --no-verify origin main 2>/dev/null
echo more >>f.txt && git commit -qam more --no-verify && : >"$T/own.stdin"
git push -q origin main 2>"$T/err"
check "global: clean push passes" "0" "$?"
grep -q "refs/heads/main $(git rev-parse HEAD) refs/heads/main" "$T/own.stdin" || fail "global: own pre-push did not get git's lines: $(cat "$T/own.stdin")"
keyhound hook uninstall --global >/dev/null 2>&1
check "uninstall --global exit code" "0" "$?"
check "uninstall --global unsets core.hooksPath" "" "$(git config --global core.hooksPath)"
[ ! -e "$HOME/.config/keyhound/hooks/pre-commit" ] || fail "uninstall --global left the hooks"
git config --global core.hooksPath /somewhere/else
keyhound hook install --global >/dev/null 2>"$T/err"
check "install --global refuses another global hooksPath" "2" "$?"
grep -q -- "--force" "$T/err" || fail "global refusal does not mention --force"
git config --global --unset core.hooksPath

# ---- the pre-commit framework ----
if command -v pre-commit >/dev/null 2>&1; then
	export PRE_COMMIT_HOME=$T/pc-cache
	H=$T/hookrepo
	git init -q "$H"
	cp "$KH_SOURCE_DIR/.pre-commit-hooks.yaml" "$H/"
	(cd "$H" && git add . && git commit -qm hooks)
	rev=$(git -C "$H" rev-parse HEAD)
	P=$T/framework
	git init -q "$P"
	cd "$P"
	cat >.pre-commit-config.yaml <<EOF
repos:
  - repo: file://$H
    rev: $rev
    hooks:
      - id: keyhound
      - id: keyhound-pre-push
EOF
	git add .pre-commit-config.yaml && git commit -qm config
	pre-commit install -t pre-commit -t pre-push >/dev/null 2>&1 || fail "pre-commit install"
	echo "fine" >f.txt && git add f.txt
	git commit -qm clean >"$T/out" 2>&1
	check "pre-commit framework: clean commit" "0" "$?"
	echo "key = $TOK" >s.txt && git add s.txt
	git commit -qm secret >"$T/out" 2>&1
	check "pre-commit framework: secret blocked" "1" "$([ $? -ne 0 ] && echo 1 || echo 0)"
	grep -q "s.txt" "$T/out" || fail "pre-commit framework output does not name the file: $(cat "$T/out")"
	git commit -qm secret --no-verify
	git init -q --bare "$T/remote2.git"
	git remote add origin "$T/remote2.git"
	git push -q origin main >"$T/out" 2>&1
	check "pre-commit framework: push of a secret blocked" "1" "$([ $? -ne 0 ] && echo 1 || echo 0)"
	git push -q --no-verify origin main >/dev/null 2>&1
	echo "ok" >>f.txt && git commit -qam more --no-verify
	git push -q origin main >"$T/out" 2>&1
	check "pre-commit framework: clean push" "0" "$?"
	# a secret already committed: the staged hook has nothing to say, the all-files one does
	cat >>.pre-commit-config.yaml <<EOF
      - id: keyhound-all-files
EOF
	git add .pre-commit-config.yaml && git commit -qm "all files" --no-verify
	pre-commit run keyhound --all-files >"$T/out" 2>&1
	check "pre-commit framework: staged hook with --all-files passes" "0" "$?"
	pre-commit run keyhound-all-files --all-files >"$T/out" 2>&1
	check "pre-commit framework: keyhound-all-files finds the committed secret" "1" "$?"
	grep -q "s.txt" "$T/out" || fail "keyhound-all-files does not name s.txt: $(cat "$T/out")"
	echo "pre-commit $(pre-commit --version | cut -d' ' -f2): tested"
else
	echo "skip: pre-commit is not installed"
fi

echo "$fails failure(s)"
[ "$fails" = 0 ]
