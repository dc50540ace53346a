#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# The matcher against its floor: raw Hyperscan (bench/hsraw.c, one hs_scan per file with
# keyhound's own compiled database and a counting callback) on the same bytes, measured
# alternating in the same run; thread scaling of a folder scan; the costliest patterns.
#
#   bench/matcher.sh [--runs N] [--cost] [--callgrind] [--folder DIR]
#
# Corpus: every header under /usr/include concatenated, repeated until it reaches 200 MB
# (bench/corpus/headers.cat). Prints, per tool, the median user-CPU seconds, system seconds
# and wall seconds of N rounds, bytes / user-CPU second, and keyhound's ratio to hsraw;
# then `keyhound scan DIR` (default /usr/include) on 1 and 2 threads (wall, median) and the
# speed-up. --cost: the per-pattern table (hsraw cost: each rule compiled alone over the
# first 20 MB; then each of the costliest left out of the whole set). --callgrind: instruction
# counts of both on the first 20 MB, a ratio that load on the machine cannot move.
# Environment: KH (keyhound binary; default a Release build in build-bench/).
set -eu
BENCH=$(cd "$(dirname "$0")" && pwd)
. "$BENCH/lib/common.sh"
runs=$BENCH_RUNS cost=0 cg=0 folder=/usr/include
while [ $# -gt 0 ]; do
	case $1 in
	--runs) runs=$2; shift ;;
	--cost) cost=1 ;;
	--callgrind) cg=1 ;;
	--folder) folder=$2; shift ;;
	*) echo "usage: bench/matcher.sh [--runs N] [--cost] [--callgrind] [--folder DIR]" >&2; exit 2 ;;
	esac
	shift
done
bench_keyhound
DB=$(dirname "$KH")/keyhound-rules.hsdb
HSRAW=$BENCH_OUT/hsraw
if [ ! -x "$HSRAW" ] || [ "$BENCH/hsraw.c" -nt "$HSRAW" ]; then
	cc -O2 -Wall -o "$HSRAW" "$BENCH/hsraw.c" -lhs -ljansson
fi
mkdir -p "$BENCH_CORPUS"
CORPUS=$BENCH_CORPUS/headers.cat
if [ ! -s "$CORPUS" ]; then
	find /usr/include -type f \( -name '*.h' -o -name '*.hpp' -o -name '*.hh' \) | sort > "$BENCH_OUT/headers.list"
	: > "$CORPUS"
	while [ "$(stat -c %s "$CORPUS")" -lt 200000000 ]; do
		xargs cat < "$BENCH_OUT/headers.list" >> "$CORPUS"
	done
fi
SAMPLE=$BENCH_CORPUS/headers-20mb.cat
[ -s "$SAMPLE" ] || head -c 20000000 "$CORPUS" > "$SAMPLE"
bytes=$(stat -c %s "$CORPUS")
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); corpus $CORPUS, $bytes bytes; keyhound $KH"

# one figure: "user sys wall" of a command, from GNU time
timed() {
	/usr/bin/time -f '%U %S %e' -o "$BENCH_OUT/matcher.time" "$@" > "$BENCH_OUT/matcher.out" 2>&1 || {
		rc=$?
		[ $rc = 1 ] || { echo "failed ($rc): $*" >&2; cat "$BENCH_OUT/matcher.out" >&2; exit 1; }
	}
	tail -1 "$BENCH_OUT/matcher.time"
}

: > "$BENCH_OUT/matcher.tsv"
"$HSRAW" scan "$DB" "$CORPUS" > /dev/null # warm the page cache
for r in $(seq 1 "$runs"); do
	echo "raw $(timed "$HSRAW" scan "$DB" "$CORPUS")" >> "$BENCH_OUT/matcher.tsv"
	echo "keyhound $(timed "$KH" scan "$CORPUS" --threads 1 --max-file-size 4GB --no-progress \
		--format jsonl --output "$BENCH_OUT/matcher.jsonl")" >> "$BENCH_OUT/matcher.tsv"
done
for t in 1 2; do
	"$KH" scan "$folder" --threads $t --no-progress --format jsonl --output "$BENCH_OUT/matcher-dir.jsonl" >/dev/null 2>&1 || true
done
for r in $(seq 1 "$runs"); do
	for t in 1 2; do
		echo "dir$t $(timed "$KH" scan "$folder" --threads $t --no-progress --format jsonl \
			--output "$BENCH_OUT/matcher-dir.jsonl")" >> "$BENCH_OUT/matcher.tsv"
	done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$BENCH_OUT/matcher.tsv" "$bytes" "$folder" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    k, u, s, w = line.split()
    rows.setdefault(k, []).append((float(u), float(s), float(w)))
n = int(sys.argv[2])
med = lambda k, i: statistics.median(r[i] for r in rows[k])
print("\n| what | user s | sys s | wall s | MB / user s |")
print("|---|---|---|---|---|")
for k, label in (("raw", "hsraw scan (raw Hyperscan, same database)"),
                 ("keyhound", "keyhound scan --threads 1 --max-file-size 4GB")):
    print("| %s | %.3f | %.3f | %.2f | %.0f |" % (label, med(k, 0), med(k, 1), med(k, 2), n / med(k, 0) / 1e6))
print("\nkeyhound / raw: %.2fx user CPU, %.2fx user+sys (target 1.15x); %.0f MB/s per user-CPU second (target 1,000)"
      % (med("keyhound", 0) / med("raw", 0),
         (med("keyhound", 0) + med("keyhound", 1)) / (med("raw", 0) + med("raw", 1)),
         n / med("keyhound", 0) / 1e6))
print("folder scan of %s: 1 thread %.2f s wall, 2 threads %.2f s: %.2fx (target 1.8x)"
      % (sys.argv[3], med("dir1", 2), med("dir2", 2), med("dir1", 2) / med("dir2", 2)))
PY

if [ $cg = 1 ]; then
	for tool in raw keyhound; do
		if [ $tool = raw ]; then set -- "$HSRAW" scan "$DB" "$SAMPLE"
		else set -- "$KH" scan "$SAMPLE" --threads 1 --no-progress --format jsonl --output "$BENCH_OUT/matcher-cg.jsonl"; fi
		valgrind --tool=callgrind --callgrind-out-file="$BENCH_OUT/matcher-$tool.cg" "$@" > /dev/null 2>&1 || true
		echo "callgrind $tool: $(awk '/^(summary|totals):/ {print $2; exit}' "$BENCH_OUT/matcher-$tool.cg") instructions over 20 MB"
	done
fi

if [ $cost = 1 ]; then
	"$KH" rules list --format jsonl > "$BENCH_OUT/rules.jsonl"
	"$HSRAW" cost "$BENCH_OUT/rules.jsonl" "$SAMPLE" 25 | tee "$BENCH_OUT/cost.md"
	echo
	echo "Left out of the whole set, one at a time (best of 3; the difference is the rule's share):"
	"$HSRAW" set "$BENCH_OUT/rules.jsonl" "$SAMPLE" | sed 's/^/all: /'
	awk -F'|' '/^\| [0-9]+ \|/ && n < 8 {gsub(/ /, "", $3); print $3; n++}' "$BENCH_OUT/cost.md" |
		while read -r id; do
			printf '%s: ' "$id"
			"$HSRAW" set "$BENCH_OUT/rules.jsonl" "$SAMPLE" ",$id,"
		done
fi
