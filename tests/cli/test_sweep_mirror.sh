#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# keyhound sweep --mirror: clone URLs served on the loopback address by `git daemon` and by
# `git http-backend` (behind tests/sweep/gitserve.py, with basic auth) are cloned, then
# fetched night after night; a failing, a hung and a vanished remote; no credential on disk.
# (ssh URLs are not tested here: no sshd on the test machines.)
. "$(dirname "$0")/lib.sh"

export GIT_AUTHOR_NAME=Dev GIT_AUTHOR_EMAIL=dev@example.com GIT_COMMITTER_NAME=Dev \
	GIT_COMMITTER_EMAIL=dev@example.com GIT_CONFIG_NOSYSTEM=1 HOME="$T"
git config --global init.defaultBranch main
case $KH in /*) ;; *) KH="$PWD/$KH" ;; esac
write_rules

PIDS=()
cleanup() {
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
	for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done
	chmod -R u+rwx "$T" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT

free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
wait_file() { # wait_file FILE: up to 10 s
	for _ in $(seq 100); do [ -s "$1" ] && return 0; sleep 0.1; done
	return 1
}

# jcheck FILE 'python expression over d (the report), repos (by name), fs (findings)'
jcheck() {
	python3 - "$1" "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
repos = {r["repository"].rsplit("/", 1)[-1]: r for r in d["summary"].get("repositories", [])}
fs = d["findings"]
ok = eval(sys.argv[2], {"d": d, "repos": repos, "fs": fs})
if not ok:
    print(json.dumps(d["summary"], indent=1)[:4000], file=sys.stderr)
    print(json.dumps(fs, indent=1)[:2000], file=sys.stderr)
sys.exit(0 if ok else 1)
PY
}

tok() { printf 'tok_%s%02dZq8Lm2Vx7Rt4Nw9Ky3H%02d' "$1" "$2" "$2"; } # tok LETTER N: tok_ and 24

# ---- ten remotes, served by git daemon ----
R="$T/remotes"
mkdir -p "$R" "$T/work"
for i in 0 1 2 3 4 5 6 7 8 9; do
	w="$T/work/r$i"
	git init -q "$w"
	printf 'repository %s\n' "$i" >"$w/README"
	for k in 1 2 3; do printf 'file %s of %s\n' "$k" "$i" >"$w/f$k.txt"; done
	[ "$i" = 3 ] && printf 'key = %s\n' "$(tok A 3)" >"$w/conf.py"
	git -C "$w" add -A && git -C "$w" commit -qm "r$i one"
	git clone -q --bare "$w" "$R/r$i.git"
done
DPORT=$(free_port)
git daemon --reuseaddr --listen=127.0.0.1 --port="$DPORT" --base-path="$R" --export-all \
	--enable=receive-pack "$R" 2>"$T/daemon.err" &
PIDS+=($!)
for _ in $(seq 100); do git ls-remote "git://127.0.0.1:$DPORT/r0.git" >/dev/null 2>&1 && break; sleep 0.1; done
for i in 0 1 2 3 4 5 6 7 8 9; do echo "git://127.0.0.1:$DPORT/r$i.git"; done >"$T/repos.txt"
# the same repository twice, written otherwise: one mirror, swept once
echo "git://127.0.0.1:$DPORT//r0.git/" >>"$T/repos.txt"
echo "git://127.0.0.1:$DPORT/r0" >>"$T/repos.txt"

M="$T/mirrors"
S="$T/state.db"
night() { # night OUT ARGS...
	local out=$1
	shift
	"$KH" sweep "${RULES[@]}" --mirror "$M" --state "$S" --format json --output "$out" "$@" 2>"$T/.err"
	RC=$?
}

# ---- night 1: every remote cloned ----
night "$T/n1.json" --repos "$T/repos.txt" --jobs 4 --new-only
check "night 1: exit 1 (a finding)" test "$RC" = 1
check "night 1: ten repositories (three spellings of r0 are one), all cloned and swept" \
	jcheck "$T/n1.json" "len(repos) == 10 and all(r['mirror'] == 'cloned' and r['status'] == 'swept' for r in repos.values())"
check "night 1: mirrors at DIR/<host>_<port>/<path>.git, bare" \
	test -f "$M/127.0.0.1_$DPORT/r7.git/HEAD" -a ! -e "$M/127.0.0.1_$DPORT/r7.git/.git"
check "night 1: the finding names the repository by its URL" \
	jcheck "$T/n1.json" "len(fs) == 1 and fs[0]['repository'] == 'git://127.0.0.1:$DPORT/r3' and fs[0]['path'] == 'conf.py'"
check "night 1: no partial clone left" bash -c "! find '$M' -name '*.partial' | grep -q ."

# ---- night 2: a secret pushed to one remote is the only new finding ----
printf 'new = %s\n' "$(tok B 7)" >"$T/work/r7/new.py"
git -C "$T/work/r7" add -A && git -C "$T/work/r7" commit -qm "r7 two"
git -C "$T/work/r7" push -q "$R/r7.git" main
night "$T/n2.json" --repos "$T/repos.txt" --jobs 4 --new-only
check "night 2: the pushed secret is the only finding" \
	jcheck "$T/n2.json" "len(fs) == 1 and fs[0]['path'] == 'new.py' and fs[0]['repository'].endswith('/r7') and fs[0]['message'] == 'r7 two'"
check "night 2: all fetched; r7 swept, the nine others unchanged (no blob read)" \
	jcheck "$T/n2.json" "all(r['mirror'] == 'fetched' for r in repos.values()) and repos['r7']['status'] == 'swept' and repos['r7']['blobs_new'] == 1 and all(r['status'] == 'unchanged' and r['blobs_new'] == 0 and r['bytes'] == 0 for n, r in repos.items() if n != 'r7')"
# a branch deleted upstream is pruned from the mirror
git -C "$R/r5.git" branch -q gone-soon main
night "$T/n2b.json" --repos "$T/repos.txt"
check "a new upstream branch is fetched" git -C "$M/127.0.0.1_$DPORT/r5.git" rev-parse -q --verify refs/heads/gone-soon
git -C "$R/r5.git" branch -q -D gone-soon
night "$T/n2c.json" --repos "$T/repos.txt"
check "a branch deleted upstream is pruned" bash -c "! git -C '$M/127.0.0.1_$DPORT/r5.git' rev-parse -q --verify refs/heads/gone-soon"

# ---- night 3: nothing new ----
night "$T/n3.json" --repos "$T/repos.txt" --jobs 4 --new-only
check "night 3: nothing new: exit 0, no finding" test "$RC" = 0
check "night 3: every repository unchanged" jcheck "$T/n3.json" "not fs and all(r['status'] == 'unchanged' for r in repos.values())"

# ---- pull requests' refs only when asked ----
git -C "$R/r2.git" update-ref refs/pull/1/head "$(git -C "$R/r2.git" rev-parse main)"
night "$T/p.json" "git://127.0.0.1:$DPORT/r2.git"
check "refs/pull/* not fetched by default" bash -c "! git -C '$M/127.0.0.1_$DPORT/r2.git' rev-parse -q --verify refs/pull/1/head"
night "$T/p.json" --include-pull-refs "git://127.0.0.1:$DPORT/r2.git"
check "--include-pull-refs fetches refs/pull/*" git -C "$M/127.0.0.1_$DPORT/r2.git" rev-parse -q --verify refs/pull/1/head

# ---- wikis ----
git clone -q --bare "$T/work/r1" "$R/r1.wiki.git"
night "$T/w.json" --include-wikis "git://127.0.0.1:$DPORT/r1.git" "git://127.0.0.1:$DPORT/r4.git"
check "--include-wikis: a wiki that exists is swept; one that does not is absent, not an error" \
	jcheck "$T/w.json" "repos['r1.wiki']['mirror'] == 'cloned' and repos['r4.wiki']['status'] == 'absent' and repos['r4.wiki']['errors'] == 0 and d['summary']['errors'] == []"

# ---- a remote that is not there, one that hangs, one that vanished ----
HPORTF="$T/hang.port"
python3 "$SRC/tests/sweep/gitserve.py" hang "$HPORTF" &
PIDS+=($!)
wait_file "$HPORTF"
HPORT=$(cat "$HPORTF")
START=$(date +%s)
night "$T/f.json" --fetch-timeout 3 --jobs 3 "git://127.0.0.1:$DPORT/r1.git" \
	"git://127.0.0.1:$DPORT/nowhere.git" "git://127.0.0.1:$HPORT/hung.git"
ELAPSED=$(($(date +%s) - START))
check "a hung remote times out (--fetch-timeout 3): the sweep took ${ELAPSED}s" test "$ELAPSED" -lt 30
check "failing and hung remotes are errors of their own; the others are swept" \
	jcheck "$T/f.json" "repos['hung']['status'] == 'failed' and 'timed out' in repos['hung']['error']['reason'] and repos['nowhere']['status'] == 'failed' and repos['r1']['status'] in ('swept', 'unchanged')"
check "failing remotes: exit 2 (nothing found, some input not scanned)" test "$RC" = 2
# the upstream of a mirror removed: the mirror is kept, swept and reported gone
mv "$R/r3.git" "$R/r3.moved"
night "$T/g.json" "git://127.0.0.1:$DPORT/r3.git"
check "gone upstream: the mirror is kept and swept, the repository marked gone, an error" \
	jcheck "$T/g.json" "repos['r3']['mirror'] == 'gone' and repos['r3']['status'] in ('swept', 'unchanged') and len(fs) == 1 and repos['r3']['errors'] == 1"
check "gone upstream: exit 1 (the finding in its mirror)" test "$RC" = 1
mv "$R/r3.moved" "$R/r3.git"

# ---- http: basic auth through the URL's userinfo, a credential helper, or nothing ----
H="$T/http"
mkdir -p "$H/private"
git clone -q --bare "$T/work/r3" "$H/private/secret-repo.git"
git clone -q --bare "$T/work/r6" "$H/flaky.git"
PASS='pa55-W0rd:x@y'
PASS_ENC='pa55-W0rd%3Ax%40y'
python3 "$SRC/tests/sweep/gitserve.py" http "$H" "$T/http.port" "kh:$PASS" &
PIDS+=($!)
wait_file "$T/http.port"
HP=$(cat "$T/http.port")
HM="$T/hmirrors"
"$KH" sweep "${RULES[@]}" --mirror "$HM" --state "$T/http.db" --format json --output "$T/h1.json" \
	"http://kh:$PASS_ENC@127.0.0.1:$HP/private/secret-repo.git" "http://127.0.0.1:$HP/flaky.git" 2>"$T/h1.err"
RC=$?
check "http with userinfo: cloned, the finding reported" \
	jcheck "$T/h1.json" "repos['secret-repo']['mirror'] == 'cloned' and len(fs) == 1 and fs[0]['repository'] == 'http://127.0.0.1:$HP/private/secret-repo'"
check "http: exit 1" test "$RC" = 1
check "no credential in the mirror folder, the state, the report or stderr" \
	bash -c "! grep -rqaF -e 'pa55-W0rd' -e '$PASS_ENC' '$HM' '$T/http.db'* '$T/h1.json' '$T/h1.err'"
check "no askpass program left behind" bash -c "! ls -d \"\${TMPDIR:-/tmp}\"/keyhound-askpass-* 2>/dev/null | grep -q ."
# the next night the remote fails (503): the previous mirror is swept, marked stale
touch "$H/.fail-flaky.git"
"$KH" sweep "${RULES[@]}" --mirror "$HM" --state "$T/http.db" --format json --output "$T/h2.json" \
	"http://kh:$PASS_ENC@127.0.0.1:$HP/private/secret-repo.git" "http://127.0.0.1:$HP/flaky.git" 2>"$T/h2.err"
check "a failing fetch: the previous mirror is swept and marked stale, with the error" \
	jcheck "$T/h2.json" "repos['flaky']['mirror'] == 'stale' and repos['flaky']['status'] in ('swept', 'unchanged') and '503' in repos['flaky']['error']['reason'] and repos['secret-repo']['mirror'] == 'fetched'"
rm -f "$H/.fail-flaky.git"
# without a credential: fails at once, never prompts
START=$(date +%s)
"$KH" sweep "${RULES[@]}" --mirror "$T/nocred" --state "$T/nocred.db" --format json --output "$T/h3.json" \
	"http://127.0.0.1:$HP/private/secret-repo.git" </dev/null 2>/dev/null
RC=$?
check "no credential: the clone fails (exit 2) without prompting, in $(($(date +%s) - START))s" \
	bash -c "test $RC = 2 && test $(($(date +%s) - START)) -lt 20"
# a credential helper answers git (keyhound passes nothing)
printf 'http://kh:%s@127.0.0.1:%s\n' "$PASS_ENC" "$HP" >"$T/git-credentials"
chmod 600 "$T/git-credentials"
git config --global credential.helper "store --file $T/git-credentials"
"$KH" sweep "${RULES[@]}" --mirror "$T/helper" --state "$T/helper.db" --format json --output "$T/h4.json" \
	"http://127.0.0.1:$HP/private/secret-repo.git" 2>/dev/null
check "a credential helper's credential is used" jcheck "$T/h4.json" "repos['secret-repo']['mirror'] == 'cloned' and len(fs) == 1"
git config --global --unset credential.helper

# ---- a disk budget ----
"$KH" sweep "${RULES[@]}" --mirror "$T/budget" --state "$T/budget.db" --format json --output "$T/b.json" \
	--mirror-budget 1K --jobs 1 "git://127.0.0.1:$DPORT/r0.git" "git://127.0.0.1:$DPORT/r1.git" 2>/dev/null
RC=$?
check "--mirror-budget: once over it, new clones are skipped, counted, not an error" \
	jcheck "$T/b.json" "repos['r0']['mirror'] == 'cloned' and repos['r1']['status'] == 'skipped' and 'budget' in repos['r1']['reason'] and d['summary']['errors'] == [] and sum(d['summary']['skipped'].values()) == 1"
check "--mirror-budget skip: exit 0 (not an error), 2 with --strict" bash -c "test $RC = 0 && { '$KH' sweep ${RULES[*]} --strict --mirror '$T/budget' --state '$T/budget2.db' -f json --mirror-budget 1K '$T/never' 'git://127.0.0.1:$DPORT/r1.git' >/dev/null 2>&1; test \$? = 2; }"

# ---- usage ----
run_kh sweep "${RULES[@]}" --state "$T/u.db" "git://127.0.0.1:$DPORT/r0.git"
check "a URL without --mirror is a usage error (exit 2)" bash -c "test $RC = 2 && grep -q -- '--mirror' <<<'$ERR'"
run_kh sweep "${RULES[@]}" --state "$T/u.db" --mirror "$T/u" "ext::sh -c touch% /tmp/x"
check "a transport other than https, http, ssh, git, file is refused" test "$RC" = 2
run_kh sweep "${RULES[@]}" --state "$T/u.db" --mirror "$T/u" "https://example.com/../../etc"
check "a path that climbs out of the mirror folder is refused" bash -c "test $RC = 2 && ! test -e '$T/u/etc.git'"
run_kh sweep --fetch-timeout 0 --mirror "$T/u" x
check "--fetch-timeout 0 is a usage error" test "$RC" = 2

finish
