#!/bin/bash
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
EOF
# `keyhound` on PATH, with the test's rule
cat >"$T/bin/keyhound" <<EOF
#!/bin/sh
[ "\$1" = git ] && exec "$KH_BIN" "\$@" --no-default-rules --rules "$T/rules" --no-progress
exec "$KH_BIN" "\$@"
EOF
chmod +x "$T/bin/keyhound"
export PATH="$T/bin:$PATH"
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
cmp -s .githooks/pre-commit "$KH_SOURCE_DIR/hooks/pre-commit" || fail "installed pre-commit differs from hooks/pre-commit"
cmp -s .githooks/pre-push "$KH_SOURCE_DIR/hooks/pre-push" || fail "installed pre-push differs from hooks/pre-push"
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
cmp -s .githooks/pre-push "$KH_SOURCE_DIR/hooks/pre-push" || fail "--force did not install pre-push"
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
else
	echo "skip: pre-commit is not installed"
fi

echo "$fails failure(s)"
[ "$fails" = 0 ]
