#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# bench/sweep.sh: a second sweep of unchanged repositories must cost at most 5% of the first.
#
#   bench/sweep.sh [REPO]     REPO: a real-sized repository to sweep (default: the history
#                             corpus bench/corpus/git, built by bench/corpus-git.sh; else a
#                             smaller one built here with bench/make_git_corpus.py)
#
# The fleet: REPO (a bare clone, objects hardlinked), a fork of it with one commit of its own,
# and a clone of keyhound's own repository. Three runs on one state file:
#   1. first sweep (every blob matched once; the fork's shared blobs skipped)
#   2. the same repositories, unchanged           -> must be <= 5% of run 1
#   3. one new commit in the fork                 (informative: a walk and one new blob)
# Environment: KH (default build/keyhound), JOBS (2), KEEP=1 keeps the scratch folder.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
KH=${KH:-$root/build/keyhound}
JOBS=${JOBS:-2}
W=$(mktemp -d /tmp/kh-bench-sweep-XXXXXX)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$W"' EXIT
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com GIT_COMMITTER_NAME=bench \
	GIT_COMMITTER_EMAIL=bench@example.com

src=${1:-$root/bench/corpus/git}
if [ ! -d "$src" ]; then
	echo "(no $src: building a smaller corpus with make_git_corpus.py)"
	python3 "$here/make_git_corpus.py" "$W/corpus" 4000 >/dev/null
	src=$W/corpus
fi

git clone -q --bare "$src" "$W/fleet/big.git"
git clone -q --bare "$src" "$W/fleet/big-fork.git"
git clone -q --bare "$root" "$W/fleet/keyhound.git" 2>/dev/null ||
	git clone -q --bare "$(git -C "$root" rev-parse --git-common-dir)" "$W/fleet/keyhound.git"

# one commit on the fork's HEAD, made with plumbing (a bare repository has no work tree)
fork_commit() {
	local r=$1 name=$2 blob tree commit
	blob=$(printf 'generated %s %s\n' "$name" "$(date +%s%N)" | git -C "$r" hash-object -w --stdin)
	GIT_INDEX_FILE=$W/index git -C "$r" read-tree HEAD
	GIT_INDEX_FILE=$W/index git -C "$r" update-index --add --cacheinfo "100644,$blob,bench/$name.txt"
	tree=$(GIT_INDEX_FILE=$W/index git -C "$r" write-tree)
	commit=$(git -C "$r" commit-tree "$tree" -p HEAD -m "bench: $name")
	git -C "$r" update-ref HEAD "$commit"
	rm -f "$W/index"
}
fork_commit "$W/fleet/big-fork.git" fork

run() { # run NAME: one sweep, prints seconds; the JSON report in $W/NAME.json
	local t0 t1
	t0=$(date +%s.%N)
	"$KH" sweep --state "$W/state.db" --jobs "$JOBS" --no-progress --format json \
		--output "$W/$1.json" "$W/fleet" 2>"$W/$1.err" || [ $? -eq 1 ]
	t1=$(date +%s.%N)
	echo "$t0 $t1" | awk '{printf "%.3f", $2 - $1}'
}

summary() {
	python3 - "$W/$1.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
s = d["summary"]
for r in s["repositories"]:
    print("    %-16s %-9s %6d commits %7d blobs: %7d new, %7d skipped, %5d rejudged, %8.1f MB, %4d findings, %7.3f s"
          % (r["repository"].split("/")[-1], r["status"], r["commits"], r["blobs"], r["blobs_new"],
             r["blobs_skipped"], r["blobs_rejudged"], r["bytes"] / 1e6, r["findings"], r["seconds"]))
PY
}

echo "== keyhound sweep: $(git -C "$W/fleet/big.git" rev-list --all --count) commits in $src, x2 (a fork), + keyhound's own history; --jobs $JOBS"
t1=$(run first)
echo "first sweep:      $t1 s"
summary first
t2=$(run second)
echo "unchanged sweep:  $t2 s"
summary second
fork_commit "$W/fleet/big-fork.git" nightly
t3=$(run third)
echo "one new commit:   $t3 s"
summary third
echo "$t1 $t2 $t3" | awk '{
	r = $2 / $1 * 100; n = $3 / $1 * 100
	printf "unchanged / first = %.2f%% (floor: at most 5%%) %s\n", r, r <= 5 ? "PASS" : "FAIL"
	printf "one new commit / first = %.1f%% (informative: the fork is walked again)\n", n
	exit r <= 5 ? 0 : 1 }'
