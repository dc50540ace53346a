#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# keyhound sweep: repositories built here with git; each blob matched once across
# repositories and runs, incremental runs, --new-only, rule changes, damaged
# repositories, a killed sweep that resumes, shards merged, and the README's examples.
. "$(dirname "$0")/lib.sh"

export GIT_AUTHOR_NAME=Dev GIT_AUTHOR_EMAIL=dev@example.com GIT_COMMITTER_NAME=Dev \
	GIT_COMMITTER_EMAIL=dev@example.com GIT_CONFIG_NOSYSTEM=1 HOME="$T"
git config --global init.defaultBranch main
git config --global advice.detachedHead false

case $KH in /*) ;; *) KH="$PWD/$KH" ;; esac
write_rules
cat >>"$T/rules/test.yml" <<'YML'
  - id: test-deploy-token
    name: Deploy token (only under deploy/)
    pattern: '\b(dep_[A-Za-z0-9]{20})\b'
    paths: ['deploy/**']
    severity: high
    confidence: high
    examples: [{path: deploy/x, text: 'dep_A1b2C3d4E5f6G7h8I9j0'}, {path: deploy/y, text: 'x dep_Q1b2C3d4E5f6G7h8I9j0'}]
    negative_examples: [{path: docs/x, text: 'dep_A1b2C3d4E5f6G7h8I9j0'}, {path: deploy/x, text: 'dep_short'}]
YML

TOK_A=tok_Aa1Bb2Cc3Dd4Ee5Ff6Gg7Hh8
TOK_B=tok_Bb1Bb2Cc3Dd4Ee5Ff6Gg7Hh8
TOK_C=tok_Cc1Bb2Cc3Dd4Ee5Ff6Gg7Hh8
TOK_D=tok_Dd1Bb2Cc3Dd4Ee5Ff6Gg7Hh8
DEP=dep_Xx1Yy2Zz3Ww4Vv5Uu6Tt

commit() { # commit REPO MESSAGE
	git -C "$1" add -A && git -C "$1" commit -qm "$2"
}

F="$T/fleet"
mkdir -p "$F"
# alpha: two commits; docs/dep.txt holds a deploy token where the rule does not apply
git init -q "$F/alpha"
printf 'key = %s\n' "$TOK_A" >"$F/alpha/conf.py"
printf 'hello\n' >"$F/alpha/README"
mkdir -p "$F/alpha/docs"
printf 'example: %s\n' "$DEP" >"$F/alpha/docs/dep.txt"
commit "$F/alpha" one
for i in 1 2 3 4 5; do printf 'line %s\n' "$i" >"$F/alpha/f$i.txt"; done
printf 'pw = pw_q8z3m1x7k2w9r4t6\n' >"$F/alpha/notes.txt"
commit "$F/alpha" two
# alpha-fork: a clone with one commit of its own; the deploy file has docs/dep.txt's bytes
git clone -q "$F/alpha" "$F/alpha-fork"
printf 'other = %s\n' "$TOK_B" >"$F/alpha-fork/fork.py"
mkdir -p "$F/alpha-fork/deploy"
cp "$F/alpha/docs/dep.txt" "$F/alpha-fork/deploy/dep.txt"
printf 'run\n' >"$F/alpha-fork/deploy/run.sh" # (a folder identical to docs/ would be one tree)
commit "$F/alpha-fork" fork
git -C "$F/alpha-fork" repack -adq # its known blobs with matches come from a pack walk
# beta: bare, unrelated
git init -q "$T/beta-work"
printf 'c = %s\n' "$TOK_C" >"$T/beta-work/app.py"
printf 'beta\n' >"$T/beta-work/README"
commit "$T/beta-work" beta
git clone -q --bare "$T/beta-work" "$F/beta.git"

ALPHA_BLOBS=$(git -C "$F/alpha" rev-list --objects --all | cut -d' ' -f1 | git -C "$F/alpha" cat-file --batch-check='%(objecttype)' | grep -c blob)
DISTINCT=$( (for r in alpha alpha-fork beta.git; do git -C "$F/$r" rev-list --objects --all | cut -d' ' -f1 | git -C "$F/$r" cat-file --batch-check='%(objectname) %(objecttype)'; done) | grep blob | sort -u | wc -l)

# jq-like: jcheck FILE 'python expression over d (the report)'
jcheck() {
	python3 - "$1" "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
repos = {r["repository"].split("/")[-1]: r for r in d["summary"].get("repositories", [])}
fs = d["findings"]
def has(repo, rule, path=None):
    return [f for f in fs if f["repository"].endswith("/" + repo) and f["rule_id"] == rule
            and (path is None or f["path"] == path)]
ok = eval(sys.argv[2], {"d": d, "repos": repos, "fs": fs, "has": has})
if not ok:
    print(json.dumps(d["summary"], indent=1)[:3000], file=sys.stderr)
sys.exit(0 if ok else 1)
PY
}

sweep() { # sweep OUT.json ARGS...: a JSON report in OUT
	local out=$1
	shift
	"$KH" sweep "${RULES[@]}" --format json --output "$out" "$@" 2>"$T/.err"
	RC=$?
}

# ---- first sweep: the fork's shared blobs are matched once ----
S="$T/state.db"
sweep "$T/r1.json" --state "$S" --jobs 1 "$F"
check "first sweep: findings, exit 1" test "$RC" = 1
check "first sweep: three repositories found in the folder (one bare)" \
	jcheck "$T/r1.json" 'sorted(repos) == ["alpha", "alpha-fork", "beta.git"]'
check "first sweep: alpha's blobs all new" \
	jcheck "$T/r1.json" "repos['alpha']['blobs_new'] == $ALPHA_BLOBS == repos['alpha']['blobs']"
check "first sweep: the fork matches only its own blobs, skips the $ALPHA_BLOBS it shares" \
	jcheck "$T/r1.json" "repos['alpha-fork']['blobs_new'] == 2 and repos['alpha-fork']['blobs_skipped'] == $ALPHA_BLOBS"
check "first sweep: every distinct blob matched once ($DISTINCT)" \
	jcheck "$T/r1.json" "d['summary']['sweep']['blobs_new'] == $DISTINCT"
check "first sweep: a shared blob's finding is reported in both repositories" \
	jcheck "$T/r1.json" "len(has('alpha', 'test-token', 'conf.py')) == 1 and len(has('alpha-fork', 'test-token', 'conf.py')) == 1"
check "first sweep: a shared blob is judged per place: deploy/ in the fork, not docs/ in alpha" \
	jcheck "$T/r1.json" "len(has('alpha-fork', 'test-deploy-token', 'deploy/dep.txt')) == 1 and not [f for f in fs if f['rule_id'] == 'test-deploy-token' and f['path'] != 'deploy/dep.txt']"
check "first sweep: the fork's known blobs with matches are judged on their bytes, not matched" \
	jcheck "$T/r1.json" "repos['alpha-fork']['blobs_rejudged'] == 2 and repos['alpha']['blobs_rejudged'] == 0"
check "first sweep: provenance (commit, author, repository as found)" \
	jcheck "$T/r1.json" "all(f['commit'] and f['author'] == 'Dev' for f in fs) and has('beta.git', 'test-token', 'app.py')[0]['repository'] == '$F/beta.git'"
check "first sweep: 5 findings" jcheck "$T/r1.json" "len(fs) == 5"
check "state file is its owner's only" test "$(stat -c %a "$S")" = 600
check "state is in WAL mode" python3 -c "import sqlite3,sys; sys.exit(sqlite3.connect('$S').execute('pragma journal_mode').fetchone()[0] != 'wal')"

# the same with three repositories at once: still each blob once
sweep "$T/rj.json" --state "$T/jobs.db" --jobs 3 "$F"
check "--jobs 3: every distinct blob matched once across concurrent repositories" \
	jcheck "$T/rj.json" "d['summary']['sweep']['blobs_new'] == $DISTINCT and len(fs) == 5"

# ---- second sweep of unchanged repositories: nothing read ----
sweep "$T/r2.json" --state "$S" "$F"
check "unchanged: every repository unchanged, no blob matched" \
	jcheck "$T/r2.json" "all(r['status'] == 'unchanged' and r['blobs_new'] == 0 for r in repos.values()) and d['summary']['bytes'] == 0"
check "unchanged: the same findings reported" \
	python3 -c "
import json
a = json.load(open('$T/r1.json'))['findings']; b = json.load(open('$T/r2.json'))['findings']
key = lambda f: (f['repository'], f['path'], f['line'], f['rule_id'], f['fingerprint'], f['commit'])
raise SystemExit(list(map(key, a)) != list(map(key, b)))"
check "unchanged: exit 1 (the findings are still there)" test "$RC" = 1

# ---- a new commit in one repository: only its blob is matched; --new-only ----
printf 'd = %s\n' "$TOK_D" >"$T/beta-work/new.py"
commit "$T/beta-work" "add new.py"
git -C "$T/beta-work" push -q "$F/beta.git" main
sweep "$T/r3.json" --state "$S" --new-only "$F"
check "new commit: only beta is walked, one blob matched" \
	jcheck "$T/r3.json" "repos['beta.git']['status'] == 'swept' and repos['beta.git']['blobs_new'] == 1 and repos['alpha']['status'] == repos['alpha-fork']['status'] == 'unchanged' and d['summary']['sweep']['blobs_new'] == 1"
check "--new-only: only the new finding" \
	jcheck "$T/r3.json" "len(fs) == 1 and fs[0]['path'] == 'new.py' and fs[0]['message'] == 'add new.py'"
check "--new-only with a new finding: exit 1" test "$RC" = 1
sweep "$T/r4.json" --state "$S" --new-only "$F"
check "--new-only again: nothing new, exit 0" test "$RC" = 0
check "--new-only again: no findings, all repositories unchanged" \
	jcheck "$T/r4.json" "not fs and all(r['status'] == 'unchanged' for r in repos.values())"
sweep "$T/r5.json" --state "$S" "$F"
check "without --new-only: all 6 findings" jcheck "$T/r5.json" "len(fs) == 6"

# ---- a rule added: old blobs are matched again ----
mkdir -p "$T/more"
cat >"$T/more/pw.yml" <<'YML'
rules:
  - id: test-pw
    name: Test password token
    pattern: '\b(pw_[a-z0-9]{16})\b'
    severity: medium
    confidence: high
    examples: ['pw_q8z3m1x7k2w9r4t6', 'x = pw_v5n8b2c7x1l4j9h3']
    negative_examples: ['pw_short', 'xpw_q8z3m1x7k2w9r4t6']
YML
sweep "$T/r6.json" --state "$S" --rules "$T/more" "$F"
ALL_NOW=$((DISTINCT + 1))
check "rule added: every blob matched again ($ALL_NOW)" \
	jcheck "$T/r6.json" "d['summary']['sweep']['blobs_new'] == $ALL_NOW and all(r['status'] == 'swept' for r in repos.values())"
check "rule added: it finds its secret in an old blob, in both repositories" \
	jcheck "$T/r6.json" "len(has('alpha', 'test-pw', 'notes.txt')) == 1 and len(has('alpha-fork', 'test-pw', 'notes.txt')) == 1"

# ---- damaged repositories do not stop the others ----
git init -q "$T/broken"
printf 'x = %s\n' "$TOK_A" >"$T/broken/a.py"
printf 'plain\n' >"$T/broken/b.txt"
commit "$T/broken" one
B_BLOB=$(git -C "$T/broken" rev-parse HEAD:b.txt)
rm -f "$T/broken/.git/objects/${B_BLOB:0:2}/${B_BLOB:2}"
mkdir -p "$T/notgit/.git"
printf '%s\n%s\n%s\n# a comment\n\n%s\n' "$T/broken" "$T/notgit" "$T/missing" "$F/alpha" >"$T/list.txt"
sweep "$T/r7.json" --state "$T/damaged.db" --repos "$T/list.txt"
check "damaged: findings elsewhere, exit 1" test "$RC" = 1
check "damaged: the missing object is an error of that repository; its other blob is scanned" \
	jcheck "$T/r7.json" "repos['broken']['errors'] >= 1 and 'missing' in repos['broken']['error']['reason'] and len(has('broken', 'test-token', 'a.py')) == 1"
check "damaged: repositories that cannot be opened are failed, with a reason" \
	jcheck "$T/r7.json" "repos['notgit']['status'] == 'failed' and repos['missing']['status'] == 'failed' and repos['missing']['error']['reason'] == 'no such repository'"
check "damaged: alpha completes" \
	jcheck "$T/r7.json" "repos['alpha']['status'] == 'swept' and len(has('alpha', 'test-token')) == 1 and d['summary']['sweep']['failed'] == 2"
# a damaged fork: a blob another repository matched is missing here
git clone -q --no-hardlinks "$F/alpha" "$T/broken-fork"
R_BLOB=$(git -C "$T/broken-fork" rev-parse HEAD:README)
rm -f "$T/broken-fork/.git/objects/${R_BLOB:0:2}/${R_BLOB:2}"
sweep "$T/r7b.json" --state "$T/damaged2.db" "$F/alpha" "$T/broken-fork"
check "damaged fork: a known blob missing there is an error of the fork" \
	jcheck "$T/r7b.json" "repos['broken-fork']['errors'] == 1 and 'missing' in repos['broken-fork']['error']['reason'] and repos['alpha']['errors'] == 0"
printf '%s\n' "$T/notgit" >"$T/list2.txt"
sweep "$T/r8.json" --state "$T/damaged.db" --repos "$T/list2.txt"
check "only an unreadable repository: exit 2" test "$RC" = 2
"$KH" sweep "${RULES[@]}" --state "$T/human.db" --repos "$T/list.txt" >"$T/human.txt" 2>&1
check "human summary lists each repository with its counters and error" \
	bash -c "grep -q 'Repositories: 4 (2 swept, 0 unchanged, 2 failed)' '$T/human.txt' && grep -q 'alpha  swept: 1 refs, 2 commits, $ALPHA_BLOBS blobs' '$T/human.txt' && grep -q 'no such repository' '$T/human.txt'"
sweep "$T/r9.json" --state "$T/damaged.db" --repos "$T/list.txt"
check "damaged: a repository whose error is stored with its ref tips is not walked again; the error is reported again (exit 2 not masked)" \
	jcheck "$T/r9.json" "repos['broken']['status'] == 'unchanged' and repos['broken']['errors'] >= 1 and any('missing' in e['reason'] and 'earlier sweep' in e['reason'] for e in d['summary']['errors']) and len(has('broken', 'test-token', 'a.py')) == 1 and repos['alpha']['status'] == 'unchanged'"
printf '%s\n' "$T/broken" >"$T/list3.txt"
sweep "$T/r9b.json" --state "$T/damaged.db" --repos "$T/list3.txt" --new-only
check "damaged, unchanged, nothing new: the stored error still exits 2" test "$RC" = 2
sweep "$T/r9c.json" --state "$T/damaged.db" --repos "$T/list.txt" --retry-errors
check "--retry-errors walks it again" \
	jcheck "$T/r9c.json" "repos['broken']['status'] == 'errors' and repos['broken']['blobs_new'] == 0 and repos['alpha']['status'] == 'unchanged'"

# ---- a sweep killed (SIGKILL) after the state records its first repository resumes ----
K="$T/kill.db"
KEYHOUND_SWEEP_PAUSE_MS=30000 "$KH" sweep "${RULES[@]}" --state "$K" --jobs 1 --format json \
	--output "$T/killed.json" "$F" 2>/dev/null &
PID=$!
# poll the state (read-only) until it records a repository
RECORDED=$(python3 - "$K" <<'PY'
import sqlite3, sys, time
for _ in range(600):
    try:
        n = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True).execute(
            "select count(*) from repos").fetchone()[0]
        if n:
            print(n)
            break
    except sqlite3.Error:
        pass
    time.sleep(0.05)
else:
    print(0)
PY
)
kill -9 "$PID" 2>/dev/null
wait "$PID" 2>/dev/null
check "killed: the state recorded exactly the first repository before the kill" test "$RECORDED" = 1
sweep "$T/r10.json" --state "$K" --jobs 1 "$F"
check "killed: the next run resumes: the first repository is not walked again" \
	jcheck "$T/r10.json" "repos['alpha']['status'] == 'unchanged' and repos['alpha-fork']['status'] == 'swept' and repos['beta.git']['status'] == 'swept'"
check "killed: the blobs matched before the kill are not matched again" \
	jcheck "$T/r10.json" "repos['alpha-fork']['blobs_new'] == 2 and d['summary']['sweep']['blobs_new'] == $DISTINCT + 1 - $ALPHA_BLOBS"
check "killed: nothing lost: all 6 findings" jcheck "$T/r10.json" "len(fs) == 6"

# ---- shards: 0/2 and 1/2 cover every repository once; merged = unsharded ----
for i in 1 2 3; do
	git clone -q "$F/alpha" "$F/mirror$i"
done
sweep "$T/all.json" --state "$T/all.db" "$F"
sweep "$T/s0.json" --state "$T/s0.db" --shard 0/2 "$F"
sweep "$T/s1.json" --state "$T/s1.db" --shard 1/2 "$F"
check "shards: each repository in exactly one shard" python3 -c "
import json
r = lambda p: [x['repository'] for x in json.load(open(p))['summary']['repositories']]
a, s0, s1 = r('$T/all.json'), r('$T/s0.json'), r('$T/s1.json')
raise SystemExit(not (s0 and s1 and not set(s0) & set(s1) and sorted(s0 + s1) == sorted(a) and len(a) == 6))"
check "a known blob whose kept matches' rule paths apply nowhere here is not read again" \
	jcheck "$T/all.json" "repos['mirror1']['blobs_rejudged'] == 1 and repos['mirror1']['blobs_new'] == 0"
run_kh report merge --format json --output "$T/merged.json" "$T/s1.json" "$T/s0.json"
check "report merge: exit 1 (findings)" test "$RC" = 1
check "report merge: the same findings, in the same order, as one unsharded sweep" python3 -c "
import json
key = lambda f: (f['repository'], f['path'], f['line'], f['column'], f['rule_id'], f['fingerprint'], f['commit'])
a = [key(f) for f in json.load(open('$T/all.json'))['findings']]
m = [key(f) for f in json.load(open('$T/merged.json'))['findings']]
raise SystemExit(not a or a != m)"
check "report merge: summaries added" python3 -c "
import json
a = json.load(open('$T/all.json'))['summary']; m = json.load(open('$T/merged.json'))['summary']
s = [json.load(open(p))['summary'] for p in ('$T/s0.json', '$T/s1.json')]
ok = m['findings'] == a['findings'] and m['sweep']['repositories'] == 6 and m['bytes'] == sum(x['bytes'] for x in s) \
    and [r['repository'] for r in m['repositories']] == [r['repository'] for r in a['repositories']]
raise SystemExit(not ok)"
run_kh report merge "$T/s0.json" "$T/nope.json"
check "report merge: a missing report is an error (exit 2)" test "$RC" = 2

# ---- the default state file is keyhound-sweep.db in the current folder ----
mkdir -p "$T/cwd"
(cd "$T/cwd" && "$KH" sweep "${RULES[@]}" --format json "$F/alpha" >/dev/null 2>&1)
check "default state: keyhound-sweep.db in the current folder" test -s "$T/cwd/keyhound-sweep.db"

# ---- suppressed counts are summed over the repositories ----
for r in s1 s2; do
	git init -q "$T/sup/$r"
	printf 'a = %s # keyhound:allow\n' "$TOK_A" >"$T/sup/$r/a.py"
	touch "$T/sup/$r/.env"
	commit "$T/sup/$r" c
done
run_kh sweep "${RULES[@]}" --state "$T/sup.db" --min-severity high --format json "$T/sup/s1" "$T/sup/s2"
check "sweep: inline allows and --min-severity drops are summed over repositories (2 and 2)" \
	python3 -c "
import json, sys
s = json.load(open('$T/.out'))['summary']['suppressed']
sys.exit(not (s['inline'] == 2 and s['min_severity'] == 2))"

# ---- usage ----
run_kh sweep --shard 2/2 "$F"
check "--shard K/N with K >= N is a usage error" test "$RC" = 2
run_kh sweep
check "sweep without repositories is a usage error" test "$RC" = 2

# (the README's recipes: tests/cli/test_sweep_recipes.sh)

finish
