#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# keyhound git against its floors, measured in the same run:
#   history: `keyhound git` vs `git cat-file --batch-all-objects --batch --unordered`
#            (every object read once, in pack order) and `git log -p -U0 --full-history
#            --all` (what log-based scanners pay at least); peak memory.
#   staged:  `keyhound git --staged` with five changed files in a ~30,000-file work
#            tree vs `git diff --cached --name-only`.
# Usage: bench/git.sh [HISTORY_REPO] [STAGED_REPO]
#   KEYHOUND=path/to/keyhound (default build/keyhound), RUNS=3.
# Without repositories it builds them under ${BENCH_DIR:-/tmp/kh-bench-git}:
#   a history of real files (bench/make_git_corpus.py, COMMITS=25000) and a work tree of
#   30,000 files from /usr.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
KEYHOUND=${KEYHOUND:-$here/build/keyhound}
RUNS=${RUNS:-3}
BENCH_DIR=${BENCH_DIR:-/tmp/kh-bench-git}
mkdir -p "$BENCH_DIR"
hist=${1:-$BENCH_DIR/history}
staged=${2:-$BENCH_DIR/worktree}
export GIT_CONFIG_NOSYSTEM=1

if [ ! -d "$hist/.git" ] && [ ! -f "$hist/HEAD" ]; then
	echo "building $hist (${COMMITS:-25000} commits)..." >&2
	python3 "$here/bench/make_git_corpus.py" "$hist" "${COMMITS:-25000}"
fi
if [ ! -d "$staged/.git" ]; then
	echo "building $staged (30,000 files)..." >&2
	git init -q "$staged"
	find /usr/share /usr/include /usr/lib/python3 -type f -size -200k 2>/dev/null | head -30000 >"$BENCH_DIR/files"
	tar -cf - -T "$BENCH_DIR/files" 2>/dev/null | tar -xf - -C "$staged"
	git -C "$staged" add -A >/dev/null 2>&1
	git -C "$staged" -c user.name=bench -c user.email=bench@example.com commit -qm import
	git -C "$staged" gc -q
fi

# best wall and CPU (user+sys) seconds of RUNS runs: "WALL CPU". CPU time is less
# disturbed than wall time when the machine is shared.
measure() {
	local bw= bc=
	for _ in $(seq "$RUNS"); do
		/usr/bin/time -f '%e %U %S' -o "$BENCH_DIR/time" "$@" >/dev/null 2>&1 || true
		read -r w u s <"$BENCH_DIR/time"
		local c
		c=$(echo "$u + $s" | bc -l)
		if [ -z "$bw" ] || [ "$(echo "$w < $bw" | bc -l)" = 1 ]; then bw=$w; fi
		if [ -z "$bc" ] || [ "$(echo "$c < $bc" | bc -l)" = 1 ]; then bc=$c; fi
	done
	printf '%.3f %.3f' "$bw" "$bc"
}
ratio() { printf '%.2f' "$(echo "$1 / $2" | bc -l)"; }
# the machine's load: shared machines give slower and noisier figures
echo "(load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores)"

echo "== history: $hist"
objects=$(git -C "$hist" count-objects -v | awk '/in-pack/ {print $2}')
commits=$(git -C "$hist" rev-list --all | wc -l)
bytes=$(git -C "$hist" cat-file --batch-all-objects --batch-check='%(objectsize)' --unordered | awk '{s+=$1} END {print s}')
echo "   $commits commits, $objects packed objects, $((bytes / 1000000)) MB uncompressed"
read -r w_cat c_cat <<<"$(measure git -C "$hist" cat-file --batch-all-objects --batch --unordered)"
read -r w_log c_log <<<"$(measure git -C "$hist" log -p -U0 --full-history --all)"
read -r w_kh c_kh <<<"$(cd "$hist" && measure "$KEYHOUND" git --format json --no-progress)"
rss=$(cd "$hist" && /usr/bin/time -f '%M' "$KEYHOUND" git --format json --no-progress 2>&1 >/dev/null | tail -1)
echo "                                                          wall s   cpu s"
echo "   git cat-file --batch-all-objects --batch --unordered   $w_cat  $c_cat"
echo "   git log -p -U0 --full-history --all                    $w_log  $c_log"
echo "   keyhound git                                           $w_kh  $c_kh   peak RSS $((rss / 1024)) MiB"
echo "   keyhound / cat-file floor: wall $(ratio "$w_kh" "$w_cat")x, cpu $(ratio "$c_kh" "$c_cat")x (target <= 1.5)"
echo "   git log -p / keyhound:     wall $(ratio "$w_log" "$w_kh")x, cpu $(ratio "$c_log" "$c_kh")x (target >= 3)"
echo "   keyhound steps (KH_GIT_TIMING=1):"
(cd "$hist" && KH_GIT_TIMING=1 "$KEYHOUND" git --format json --no-progress 2>&1 >/dev/null | sed 's/^/     /')

echo "== staged: $staged"
git -C "$staged" reset -q --hard
files=$(git -C "$staged" ls-files | awk 'NR % 6000 == 100' | head -5)
for f in $files; do echo "changed line" >>"$staged/$f"; done
git -C "$staged" add -A
echo "   $(git -C "$staged" ls-files | wc -l) files, $(git -C "$staged" diff --cached --name-only | wc -l) staged"
if command -v hyperfine >/dev/null; then
	hyperfine -N --warmup 3 --runs "${STAGED_RUNS:-30}" --export-json "$BENCH_DIR/staged.json" \
		"git -C $staged diff --cached --name-only" \
		"$KEYHOUND git $staged --staged" \
		"$KEYHOUND --version" 2>&1 | grep -E "Benchmark|Time"
	mean() { jq -r ".results[$1].mean" "$BENCH_DIR/staged.json"; }
	cpu() { jq -r ".results[$1] | (.user + .system)" "$BENCH_DIR/staged.json"; }
	echo "   keyhound git --staged: $(printf '%.1f' "$(echo "$(mean 1) * 1000" | bc -l)") ms wall" \
		"(target < 30 ms), $(printf '%.1f' "$(echo "$(cpu 1) * 1000" | bc -l)") ms cpu;" \
		"wall $(ratio "$(mean 1)" "$(mean 0)")x, cpu $(ratio "$(cpu 1)" "$(cpu 0)")x git diff --cached"
fi
git -C "$staged" reset -q --hard
echo "   (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
