#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# sweep --github-org / --github-user / --gitlab-group: the listings of a fake GitHub and GitLab
# (tests/sweep/api/forge.py, served by tests/verify/fakeprov.py under the real host names),
# paginated, rate limited, filtered; the repositories listed are mirrored from a local git
# server and swept.
. "${KH_SOURCE_DIR:?}/tests/verify/lib.sh"
case $KH in /*) ;; *) KH="$PWD/$KH" ;; esac
command -v openssl >/dev/null || { echo "openssl not installed: skipped"; exit 77; }
export GIT_AUTHOR_NAME=Dev GIT_AUTHOR_EMAIL=dev@example.com GIT_COMMITTER_NAME=Dev \
	GIT_COMMITTER_EMAIL=dev@example.com GIT_CONFIG_NOSYSTEM=1 HOME="$T"
git config --global init.defaultBranch main
write_rules

# the git server the listings' clone URLs point at
H="$T/http"
for r in acme/app acme/lib acme/forked acme/old acme/skip-me acme/platform/api \
	acme/platform/infra/deploy acme/platform/fork acme/platform/archive; do
	w="$T/work/$r"
	git init -q "$w"
	printf '%s\n' "$r" >"$w/README"
	[ "$r" = acme/lib ] && printf 'k = tok_Ll9Zq8Lm2Vx7Rt4Nw9Ky3H01\n' >"$w/k.py"
	git -C "$w" add -A && git -C "$w" commit -qm one
	mkdir -p "$(dirname "$H/$r")"
	git clone -q --bare "$w" "$H/$r.git"
done
python3 "$SRC/tests/sweep/gitserve.py" http "$H" "$T/http.port" &
GIT_PID=$!
for _ in $(seq 100); do [ -s "$T/http.port" ] && break; sleep 0.1; done
export FORGE_CLONE_BASE="http://127.0.0.1:$(cat "$T/http.port")"
start_fakeprov --providers "$SRC/tests/sweep/api"
trap 'kill $GIT_PID 2>/dev/null; wait $GIT_PID 2>/dev/null; stop_fakeprov; chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT

jcheck() {
	python3 - "$1" "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
names = sorted(r["repository"].split("/", 3)[3] for r in d["summary"].get("repositories", []))
disc = d["summary"]["sweep"].get("discovered", [])
fs = d["findings"]
ok = eval(sys.argv[2], {"d": d, "names": names, "disc": disc, "fs": fs})
if not ok:
    print(json.dumps(d["summary"], indent=1)[:4000], file=sys.stderr)
sys.exit(0 if ok else 1)
PY
}
sw() { # sw OUT ARGS...
	local out=$1
	shift
	"$KH" sweep "${RULES[@]}" --state "$T/$out.db" --mirror "$T/m" -f json -o "$T/$out.json" "$@" 2>"$T/$out.err"
	RC=$?
}

N0=$(requests)
GITHUB_TOKEN=ghp_testtoken0123456789 sw org --github-org acme
check "--github-org: exit 1 (a finding)" test "$RC" = 1
check "--github-org: the listing's repositories are mirrored and swept, the finding in acme/lib" \
	jcheck "$T/org.json" "len(fs) == 1 and fs[0]['repository'].endswith('/acme/lib')"
check "--github-org: three pages followed by Link; forks left out, archived in, an entry without a clone URL skipped" \
	jcheck "$T/org.json" "names == ['acme/app', 'acme/lib', 'acme/old', 'acme/skip-me'] and disc[0]['pages'] == 3 and disc[0]['forks_left_out'] == 1 and disc[0]['listed'] == 5 and disc[0]['complete']"
check "--github-org: a rate limit (403, x-ratelimit-remaining 0) is waited out and the page asked again" \
	log_check "[r['path'].split('?')[0] for r in rs].count('/orgs/acme/repos') == 4" "$N0"
check "the token goes to api.github.com only, as a Bearer header" \
	log_check "all(hdr(r, 'authorization') == 'Bearer ghp_testtoken0123456789' and r['host'] == 'api.github.com' for r in rs)" "$N0"
check "no token in the mirror folder, the state or the report" \
	bash -c "! grep -rqaF ghp_testtoken0123456789 '$T/m' '$T/org.db' '$T/org.json' '$T/org.err'"

sw filt --github-org acme --include-forks --exclude-archived --exclude-repos 'acme/skip-*'
check "--include-forks --exclude-archived --exclude-repos GLOB" \
	jcheck "$T/filt.json" "names == ['acme/app', 'acme/forked', 'acme/lib'] and disc[0]['archived_left_out'] == 1 and disc[0]['excluded'] == 1"
sw topic --github-user acme --topic keep
check "--github-user with --topic: only repositories with that topic" \
	jcheck "$T/topic.json" "names == ['acme/app', 'acme/old'] and disc[0]['topic_left_out'] == 2"
N1=$(requests)
sw ghe --github-org acme --api-url https://ghe.example.com/api/v3
check "--api-url: GitHub Enterprise's repositories" jcheck "$T/ghe.json" "len(names) == 4"
check "--api-url: its API asked under its path" \
	log_check "rs and all(r['host'] == 'ghe.example.com' and r['path'].startswith('/api/v3/orgs/acme/repos') for r in rs)" "$N1"

N2=$(requests)
GITLAB_TOKEN=glpat-testtoken0123 sw gl --gitlab-group acme/platform
check "--gitlab-group: subgroups included, X-Next-Page followed, a 429 waited out, forks left out" \
	jcheck "$T/gl.json" "names == ['acme/platform/api', 'acme/platform/archive', 'acme/platform/infra/deploy'] and disc[0]['pages'] == 2 and disc[0]['forks_left_out'] == 1"
check "--gitlab-group: the token as PRIVATE-TOKEN to gitlab.com only" \
	log_check "rs and all(hdr(r, 'private-token') == 'glpat-testtoken0123' and r['host'] == 'gitlab.com' for r in rs) and len(rs) == 3" "$N2"

sw nope --github-org nobody-here
check "an organization that does not exist: an error naming it (exit 2)" \
	bash -c "test $RC = 2 && grep -q 'github-org nobody-here' '$T/nope.err'"
check "an organization that does not exist: its listing is not complete" jcheck "$T/nope.json" "not disc[0]['complete']"
N3=$(requests)
GITHUB_TOKEN=ghp_testtoken0123456789 sw else --github-org elsewhere
check "a next page on another host is not followed: an error (exit 2)" \
	bash -c "test $RC = 2 && grep -q 'another host' '$T/else.err'"
check "a next page on another host: the token sent nowhere else" \
	log_check "len(rs) == 1 and rs[0]['host'] == 'api.github.com'" "$N3"
START=$(date +%s)
sw lim --github-org limited
check "a rate limit that resets in two hours fails at once, saying so" \
	bash -c "test $RC = 2 && grep -q 'rate limited' '$T/lim.err' && test $(($(date +%s) - START)) -lt 60"
run_kh sweep "${RULES[@]}" --state "$T/u.db" --github-org acme
check "--github-org without --mirror is a usage error" bash -c "test $RC = 2 && grep -q -- '--mirror' <<<'$ERR'"
run_kh sweep "${RULES[@]}" --state "$T/u.db" --mirror "$T/m" --github-org acme --api-url http://ghe.example.com/api/v3
check "--api-url must be https" test "$RC" = 2

# ---- the recipes (examples/sweep/), their commands run as written, two nights ----
mkdir -p "$T/bin"
ln -s "$KH" "$T/bin/keyhound"
export KEYHOUND_NO_DEFAULT_RULES=1 KEYHOUND_RULES="$T/rules" # the test's rules, not the pack
python3 - "$SRC/examples/sweep/github-workflow.yml" "$T/gha" <<'PY'
import os, sys, yaml
wf = yaml.safe_load(open(sys.argv[1]))
os.makedirs(sys.argv[2], exist_ok=True)
sub = lambda s: s.replace("${{ matrix.shard }}", "$SHARD").replace('"${{ github.repository_owner }}"', "acme")
step = lambda job, name: sub(next(s for s in wf["jobs"][job]["steps"] if s.get("name") == name)["run"])
open(os.path.join(sys.argv[2], "sweep.sh"), "w").write(step("sweep", "Sweep"))
open(os.path.join(sys.argv[2], "merge.sh"), "w").write(step("merge", "Merge"))
PY
sarif_results() { python3 -c "import json,sys; print(sum(len(r['results']) for r in json.load(open(sys.argv[1]))['runs']))" "$1"; }
for night in 1 2; do
	rm -rf "$T/gha/merge" && mkdir -p "$T/gha/merge/reports"
	for shard in 0 1 2; do
		mkdir -p "$T/gha/ws$shard" && rm -rf "$T/gha/ws$shard/reports" # the cache keeps sweep/ only
		(cd "$T/gha/ws$shard" && SHARD=$shard PATH="$T/bin:$PATH" GITHUB_TOKEN=ghp_testtoken0123456789 \
			bash -e "$T/gha/sweep.sh" >/dev/null 2>&1) || not_ok "workflow night $night: shard $shard's sweep step failed"
		cp "$T/gha/ws$shard"/reports/shard-*.json "$T/gha/merge/reports/"
	done
	(cd "$T/gha/merge" && PATH="$T/bin:$PATH" bash -e "$T/gha/merge.sh" >/dev/null 2>&1) || not_ok "workflow night $night: the merge step failed"
	check "workflow, night $night: three shards' reports merged into sweep.sarif with the one finding" \
		test "$(sarif_results "$T/gha/merge/sweep.sarif")" = 1
done
check "workflow: the second night fetched the mirrors restored from the first" \
	bash -c "test \$(find '$T/gha'/ws*/sweep/mirrors -name HEAD -maxdepth 4 | wc -l) = 4"

python3 - "$SRC/examples/sweep/kubernetes.yaml" "$T/k8s" <<'PY'
import os, shlex, sys, yaml
root = sys.argv[2]
os.makedirs(root + "/reports", exist_ok=True)
for d in yaml.safe_load_all(open(sys.argv[1])):
    if not d or d["kind"] != "CronJob":
        continue
    c = d["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"][0]
    name = d["metadata"]["name"]
    os.makedirs(root + "/vol-" + name, exist_ok=True)  # the mounted volume
    fix = lambda a: a.replace("/var/lib/keyhound", root + "/vol-" + name).replace("/reports", root + "/reports")
    cmd = c.get("command", ["keyhound"]) + c.get("args", [])
    open(os.path.join(root, name + ".sh"), "w").write(" ".join(shlex.quote(fix(a)) for a in cmd) + "\n")
PY
for night in 1 2; do
	for s in 0 1; do
		PATH="$T/bin:$PATH" GITHUB_TOKEN=ghp_testtoken0123456789 bash "$T/k8s/keyhound-sweep-$s.sh" >/dev/null 2>&1
		[ $? -le 1 ] || not_ok "kubernetes night $night: shard $s failed"
	done
	PATH="$T/bin:$PATH" bash "$T/k8s/keyhound-merge.sh" >/dev/null 2>&1 || not_ok "kubernetes night $night: the merge failed"
	mv "$T/k8s/reports"/sweep-*.sarif "$T/k8s/night$night.sarif"
done
check "kubernetes, night 1: both shards' reports merged, the finding reported (--new-only)" \
	test "$(sarif_results "$T/k8s/night1.sarif")" = 1
check "kubernetes, night 2: nothing new; every shard report merged and moved to merged/" \
	bash -c "test \$(python3 -c \"import json; print(sum(len(r['results']) for r in json.load(open('$T/k8s/night2.sarif'))['runs']))\") = 0 && test \$(ls '$T/k8s/reports'/merged/shard-*.json | wc -l) = 4 && ! ls '$T/k8s/reports'/shard-*.json 2>/dev/null"
unset KEYHOUND_NO_DEFAULT_RULES KEYHOUND_RULES

finish
