#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Instruction counts of `keyhound scan` under callgrind, on a fixed ~20 MB subset of the
# source corpus: a noise-free before/after for changes to hot code (the matcher, filters).
#
#   bench/callgrind.sh [keyhound args...]      e.g. bench/callgrind.sh --no-default-rules --rules DIR
#
# Prints the program's total Ir (instructions executed), and the inclusive Ir of the
# functions that matter (matcher, confirmation, file reading), taken from callgrind_annotate.
# The subset (bench/corpus/subset, see bench_subset in lib/common.sh) is the planted files plus
# the first 20 MB of the corpus's include/ and python-stdlib/ in sorted order, so it is the
# same on every run on the same machine. Single thread: counts do not depend on scheduling.
# Environment: KH (keyhound binary), BENCH_SUBSET_MB (20).
set -eu
BENCH=$(cd "$(dirname "$0")" && pwd)
. "$BENCH/lib/common.sh"
bench_keyhound
"$BENCH/corpus-source.sh" >/dev/null
bench_subset
sub=$BENCH_SUBSET
bytes=$(find "$sub" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
out=$BENCH_OUT/callgrind.out
printf '# bench/callgrind.sh: no allowlist\n' > "$BENCH_OUT/bench.keyhound.yml"
rm -f "$out"
# Compile the rules once outside valgrind so a cache of compiled rules, if keyhound keeps one,
# is warm and the count is the scan's, not Hyperscan's compiler.
"$KH" scan --config "$BENCH_OUT/bench.keyhound.yml" --threads 1 "$@" "$sub" > /dev/null 2>&1 || true
valgrind --tool=callgrind --callgrind-out-file="$out" "$KH" scan --config "$BENCH_OUT/bench.keyhound.yml" --threads 1 \
	--format jsonl --output "$BENCH_OUT/callgrind.jsonl" "$@" "$sub" 2> "$BENCH_OUT/callgrind.log" || true
total=$(awk '/^(summary|totals):/ {print $2; exit}' "$out")
echo "callgrind: keyhound scan --threads 1 of $sub ($bytes bytes, $(find "$sub" -type f | wc -l) files), $(wc -l < "$BENCH_OUT/callgrind.jsonl") findings"
echo "total Ir: $total ($(awk -v t="$total" -v b="$bytes" 'BEGIN {printf "%.1f", t / b}') per byte)"
echo "inclusive Ir of the top functions:"
callgrind_annotate --inclusive=yes "$out" 2>/dev/null | awk '/^-+$/ {n++; next} n >= 3 && NF' | head -25
