#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# The CI templates: action.yml and the example workflow pass @action-validator/cli (run
# tests/ci/setup.sh once; KH_REQUIRE_CI_TOOLS=1 makes its absence a failure); the action's
# scan step (ci/github/scan.sh) finds what a pull request adds in a local shallow clone,
# deepening it, and not what was there before; scans a docker save tarball; the GitLab
# template's script writes a secret-detection report with the documented required fields.
. "$(dirname "$0")/lib.sh"
write_rules
export GIT_CONFIG_NOSYSTEM=1 HOME=$T/home NO_COLOR=1
mkdir -p "$HOME" "$T/bin"
git config --global user.name "Ann Dev" && git config --global user.email ann@example.com
git config --global init.defaultBranch main
ln -s "$KH" "$T/bin/keyhound"
export PATH="$T/bin:$PATH"

V=$SRC/tests/ci/node_modules/.bin/action-validator
if [ -x "$V" ] && command -v node >/dev/null; then
	check "action.yml passes action-validator" "$V" "$SRC/action.yml"
	check "the example workflow passes action-validator" "$V" "$SRC/ci/github/example-workflow.yml"
	mkdir -p "$T/bad" && sed '/^name:/d' "$SRC/action.yml" >"$T/bad/action.yml"
	check "action-validator rejects action.yml without a name (the check can fail)" bash -c "! '$V' '$T/bad/action.yml' >/dev/null 2>&1"
elif [ "${KH_REQUIRE_CI_TOOLS:-0}" = 1 ]; then
	not_ok "action-validator is not installed (tests/ci/setup.sh)"
else
	echo "# skip: action-validator is not installed (tests/ci/setup.sh)"
fi
check "action.yml runs the scripts in ci/github" bash -c "grep -q 'ci/github/install.sh' '$SRC/action.yml' && grep -q 'ci/github/scan.sh' '$SRC/action.yml'"

# a remote with history on main (an old secret), and two pull-request branches
O=$T/origin && git init -q "$O" && cd "$O"
echo "old = tok_OLDbC3d4E5f6G7h8I9j0K1l2" >old.txt && git add . && git commit -qm old
for i in 1 2 3 4 5 6; do echo "line $i" >>log.txt && git add . && git commit -qm "main $i"; done
base=$(git rev-parse HEAD)
git checkout -qb leak && echo "x = 1" >a.txt && git add . && git commit -qm a
echo "api = tok_NEWbC3d4E5f6G7h8I9j0K1l2" >>a.txt && git add . && git commit -qm leak
echo "y = 2" >b.txt && git add . && git commit -qm after
leak_head=$(git rev-parse HEAD)
git checkout -q main && git checkout -qb clean && echo "fine" >c.txt && git add . && git commit -qm clean
clean_head=$(git rev-parse HEAD)
git checkout -q main

# as actions/checkout does: a depth-1 clone of the head
git clone -q --depth=1 --branch leak "file://$O" "$T/pr"
cd "$T/pr"
check "the clone is shallow" [ -f .git/shallow ]
run_scan() { # env for scan.sh in $@; leaves $OUTF and the log
	: >"$T/gh-out"
	env KH_ARGS="--no-default-rules --rules $T/rules" GITHUB_OUTPUT="$T/gh-out" "$@" \
		"$SRC/ci/github/scan.sh" >"$T/scan.log" 2>&1
}
run_scan KH_MODE=range KH_BASE="$base" KH_HEAD="$leak_head" KH_SARIF="$T/pr.sarif"
check "range on a shallow clone: exit-code=1" grep -qx "exit-code=1" "$T/gh-out"
check "the SARIF names a.txt line 2" python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["runs"][0]["results"]
locs = [x["locations"][0]["physicalLocation"] for x in r]
assert any(l["artifactLocation"]["uri"].endswith("a.txt") and l["region"]["startLine"] == 2 for l in locs), locs
assert len(r) == 1, r' "$T/pr.sarif"
check "the old secret on main is not reported" bash -c "! grep -q old.txt '$T/pr.sarif'"
check "the log shows the finding" grep -q "a.txt" "$T/scan.log"
check "the secret is not in the log" bash -c "! grep -q tok_NEWbC3d4E5f6G7h8I9j0K1l2 '$T/scan.log' '$T/pr.sarif'"

git clone -q --depth=1 --branch clean "file://$O" "$T/pr2" && cd "$T/pr2"
run_scan KH_MODE=range KH_BASE="$base" KH_HEAD="$clean_head" KH_SARIF="$T/clean.sarif"
check "range of a clean pull request: exit-code=0" grep -qx "exit-code=0" "$T/gh-out"
check "clean: SARIF written" [ -s "$T/clean.sarif" ]

# image mode on a docker save tarball (the default rules, the example app's secrets)
python3 "$SRC/.ci/fixtures.py" "$T/fx"
: >"$T/gh-out"
env GITHUB_OUTPUT="$T/gh-out" KH_MODE=image KH_TARGET="$T/fx/leaky-image.tar" KH_SARIF="$T/img.sarif" \
	"$SRC/ci/github/scan.sh" >"$T/scan.log" 2>&1
check "image mode on a docker save tarball: exit-code=1" grep -qx "exit-code=1" "$T/gh-out"
check "image SARIF holds results" python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["runs"][0]["results"]' "$T/img.sarif"
env GITHUB_OUTPUT="$T/gh-out" KH_MODE=bogus "$SRC/ci/github/scan.sh" >/dev/null 2>&1
check "an unknown mode: exit-code=2" grep -qx "exit-code=2" "$T/gh-out"

# the GitLab template: its script, as a merge-request pipeline runs it
python3 -c '
import sys, yaml
y = yaml.safe_load(open(sys.argv[1]))
job = y["keyhound-secret-detection"]
assert job["artifacts"]["reports"]["secret_detection"] == "gl-secret-detection-report.json"
open(sys.argv[2], "w").write("\n".join(job["script"]))' "$SRC/ci/gitlab/keyhound.gitlab-ci.yml" "$T/gitlab.sh"
check "the GitLab template parses" [ -s "$T/gitlab.sh" ]
git clone -q --branch leak "file://$O" "$T/mr" && cd "$T/mr"
env CI_MERGE_REQUEST_DIFF_BASE_SHA="$base" CI_COMMIT_SHA="$leak_head" \
	KEYHOUND_ARGS="--no-default-rules --rules $T/rules" sh -e "$T/gitlab.sh" >"$T/gl.log" 2>&1
check "GitLab job fails on the merge request's secret" [ $? = 1 ]
check "the secret-detection report has GitLab's required fields" python3 -c '
import json, re, sys
r = json.load(open(sys.argv[1]))
assert set(r) >= {"version", "vulnerabilities", "scan"}, r.keys()
assert re.match(r"^\d+\.\d+\.\d+$", r["version"])
s = r["scan"]
for k in ("analyzer", "scanner", "type", "start_time", "end_time", "status"):
    assert k in s, k
for k in ("analyzer", "scanner"):
    assert all(s[k].get(f) for f in ("id", "name", "version")) and s[k]["vendor"]["name"], s[k]
assert s["type"] == "secret_detection" and s["status"] in ("success", "failure")
for k in ("start_time", "end_time"):
    assert re.match(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$", s[k]), s[k]
v = r["vulnerabilities"]
assert len(v) == 1, v
v = v[0]
assert v["id"] and v["severity"] in ("Info", "Unknown", "Low", "Medium", "High", "Critical")
assert v["location"]["file"] == "a.txt" and v["location"]["start_line"] == 2
assert re.match(r"^[0-9a-f]{7,40}$", v["location"]["commit"]["sha"])
assert v["identifiers"] and all(i["type"] and i["name"] and i["value"] for i in v["identifiers"])
assert "tok_NEWbC3d4E5f6G7h8I9j0K1l2" not in json.dumps(r)' "$T/mr/gl-secret-detection-report.json"
finish
