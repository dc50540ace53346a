#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# The nightly-sweep recipes (examples/sweep/): the Kubernetes manifests pass kubernetes-models'
# schema validation, the GitHub Actions workflow passes @action-validator/cli (both from npm:
# tests/ci/setup.sh; KH_REQUIRE_CI_TOOLS=1 makes their absence a failure); every YAML block
# of the README's Sweeps section is one of their documents; every option they give keyhound
# exists. (tests/cli/test_sweep_discover.sh runs their sweep and merge commands.)
. "$(dirname "$0")/lib.sh"
E="$SRC/examples/sweep"
N="$SRC/tests/ci/node_modules"

python3 - "$E/kubernetes.yaml" "$T/k8s.json" <<'PY'
import json, sys, yaml
json.dump([d for d in yaml.safe_load_all(open(sys.argv[1])) if d], open(sys.argv[2], "w"))
PY
if [ -d "$N/kubernetes-models" ] && command -v node >/dev/null; then
	check "the Kubernetes manifests pass kubernetes-models' validation" \
		node "$SRC/tests/sweep/k8s-validate.mjs" "$T/k8s.json" "$N/kubernetes-models"
	python3 -c "
import json
d = json.load(open('$T/k8s.json'))
del [x for x in d if x['kind'] == 'CronJob'][0]['spec']['jobTemplate']
json.dump(d, open('$T/k8s-bad.json', 'w'))"
	check "kubernetes-models rejects a CronJob without its jobTemplate (the check can fail)" \
		bash -c "! node '$SRC/tests/sweep/k8s-validate.mjs' '$T/k8s-bad.json' '$N/kubernetes-models' >/dev/null 2>&1"
elif [ "${KH_REQUIRE_CI_TOOLS:-0}" = 1 ]; then
	not_ok "kubernetes-models is not installed (tests/ci/setup.sh)"
else
	echo "# skip: kubernetes-models is not installed (tests/ci/setup.sh)"
fi
if [ -x "$N/.bin/action-validator" ] && command -v node >/dev/null; then
	check "the GitHub Actions workflow passes action-validator" "$N/.bin/action-validator" "$E/github-workflow.yml"
elif [ "${KH_REQUIRE_CI_TOOLS:-0}" = 1 ]; then
	not_ok "action-validator is not installed (tests/ci/setup.sh)"
else
	echo "# skip: action-validator is not installed (tests/ci/setup.sh)"
fi

check "Kubernetes: one state volume per shard, never shared; a merge CronJob over the reports folder" python3 - "$T/k8s.json" <<'PY'
import json, sys
docs = json.load(open(sys.argv[1]))
crons = [d for d in docs if d["kind"] == "CronJob"]
shards, claims = {}, {}
for c in crons:
    pod = c["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    args = pod["containers"][0].get("args", [])
    vols = {v["name"]: v["persistentVolumeClaim"]["claimName"] for v in pod["volumes"]}
    if "--shard" in args:
        k, n = args[args.index("--shard") + 1].split("/")
        shards[int(k)] = int(n)
        assert "--mirror" in args and "--state" in args and args[args.index("--output") + 1] == "/reports", args
        claims[int(k)] = vols["state"]
    else:
        assert "report merge /reports" in " ".join(args), args
assert sorted(shards) == list(range(len(shards))) and set(shards.values()) == {len(shards)}, shards
assert len(set(claims.values())) == len(claims), claims  # one volume each
assert any("report merge" in " ".join(c["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"][0].get("args", [])) for c in crons)
PY
check "GitHub Actions: installs keyhound, restores and always saves each shard's state, merges, uploads the SARIF" python3 - "$E/github-workflow.yml" <<'PY'
import sys, yaml
wf = yaml.safe_load(open(sys.argv[1]))
on = wf.get(True, wf.get("on"))
assert "schedule" in on
sweep = wf["jobs"]["sweep"]
steps = sweep["steps"]
n = len(sweep["strategy"]["matrix"]["shard"])
uses = [s.get("uses", "") for s in steps]
runs = " ".join(s.get("run", "") for s in steps)
assert "apt-get install" in steps[0]["run"] and "keyhound" in steps[0]["run"]
assert "actions/cache/restore@v4" in uses
save = next(s for s in steps if s.get("uses", "").startswith("actions/cache/save"))
assert save.get("if") == "always()"
assert "--shard ${{ matrix.shard }}/%d" % n in runs and "--state" in runs and "--mirror" in runs
merge = wf["jobs"]["merge"]
assert merge.get("if") == "always()" and merge["needs"] == "sweep"
mruns = " ".join(s.get("run", "") for s in merge["steps"])
assert "keyhound report merge" in mruns and "--format sarif" in mruns
assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in merge["steps"])
PY
check "every YAML block of the README's Sweeps section is a document of examples/sweep/" python3 - "$SRC/README.md" "$E" <<'PY'
import os, re, sys, yaml
text = open(sys.argv[1], encoding="utf-8").read()
sec = text.split("## Sweeps", 1)[1].split("\n## ", 1)[0]
blocks = re.findall(r"```yaml\n(.*?)```", sec, re.S)
docs = []
for f in os.listdir(sys.argv[2]):
    docs += [d for d in yaml.safe_load_all(open(os.path.join(sys.argv[2], f))) if d]
assert blocks
for b in blocks:
    for d in yaml.safe_load_all(b):
        if d and d not in docs:
            raise SystemExit("README block not in examples/sweep: %r" % (d,)[:300])
PY
"$KH" help sweep >"$T/help.txt" 2>&1
check "every option the recipes give keyhound sweep exists" python3 - "$T/k8s.json" "$E/github-workflow.yml" "$T/help.txt" <<'PY'
import json, re, sys
help_text = open(sys.argv[3]).read()
text = json.dumps(json.load(open(sys.argv[1]))) + open(sys.argv[2]).read()
opts = set(re.findall(r"(--[a-z][a-z-]+)", text))
missing = [o for o in opts if o not in help_text and o not in ("--version", "--format", "--output")]
if missing:
    raise SystemExit("unknown: %s" % missing)
PY

finish
