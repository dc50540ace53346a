#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# The pre-commit hook's cost: `keyhound git --staged` on a repository of 20,000 files with 5
# staged changes, against git's own `git diff --cached --name-only` (the floor: a hook must
# read the index and compare it with HEAD too), and `keyhound --version` (start-up alone),
# with hyperfine -N in the same run, then the same commands' CPU time and page faults under
# `perf stat` (on a loaded machine those move less than wall time).
#
#   bench/hook.sh [--runs N] [--files N] [KEYHOUND...]
#
# Several KEYHOUND binaries (default: a Release build in build-bench/) are measured side by
# side: an old build against a new one. The repository is made once under
# $BENCH_CORPUS/hook-<files> (the cache folder of the run is fresh and warmed first).
set -eu
BENCH=$(cd "$(dirname "$0")" && pwd)
. "$BENCH/lib/common.sh"
runs=30 files=20000
while [ $# -gt 0 ]; do
	case $1 in
	--runs) runs=$2; shift 2 ;;
	--files) files=$2; shift 2 ;;
	-h|--help) sed -n '2,/^set -eu/p' "$0" | sed 's/^# \{0,1\}//; /^set -eu/d'; exit 0 ;;
	*) break ;;
	esac
done
if [ $# -eq 0 ]; then
	bench_keyhound
	set -- "$KH"
fi
REPO=$BENCH_CORPUS/hook-$files
if [ ! -d "$REPO/.git" ]; then
	rm -rf "$REPO" && mkdir -p "$REPO"
	python3 - "$REPO" "$files" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    d = os.path.join(root, f"d{i // 200:03d}", f"s{(i // 20) % 10}")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, f"f{i}.c"), "w") as f:
        f.write(f"int v{i} = {i};\n/* file {i} */\n" * 5)
PY
	git -C "$REPO" init -q
	git -C "$REPO" add -A
	git -C "$REPO" -c user.name=bench -c user.email=bench@example.invalid commit -qm files
	for i in 1 2 3 4 5; do
		echo "int extra$i = $i;" >>"$REPO/d00$i/s0/f$((i * 200)).c"
	done
	git -C "$REPO" add -A
fi
export XDG_CACHE_HOME="$BENCH_OUT/hook-cache"
rm -rf "$XDG_CACHE_HOME"
cd "$REPO"
set -- "$@"
cmds="'git diff --cached --name-only'"
for kh in "$@"; do
	"$kh" git --staged >/dev/null # warms the cache folder
	cmds="$cmds '$kh git --staged' '$kh --version'"
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
eval hyperfine -N -w 5 -r "$runs" "$cmds" 2>&1 | grep -E "^Benchmark|Time \(mean"
for c in "git diff --cached --name-only" $(for kh in "$@"; do printf '%s\n' "$kh"; done); do
	case $c in
	git*) set -- git diff --cached --name-only ;;
	*) set -- "$c" git --staged ;;
	esac
	perf stat -r "$runs" -e task-clock,page-faults "$@" 2>&1 >/dev/null |
		awk -v c="$*" '/task-clock/ {t = $1} /page-faults/ {f = $1} END {printf "%-60s %8s ms CPU %6s page faults\n", c, t, f}'
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
