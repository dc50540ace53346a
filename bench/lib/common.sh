# SPDX-License-Identifier: Apache-2.0
# Shared driver for the benchmark scripts (run.sh, git.sh, image.sh). Source it:
#     . "$(dirname "$0")/lib/common.sh"
# then, per group of figures measured together (alternating, same run):
#     bench_group "source tree"
#     bench_add floor    "cat"                  -  "find DIR -type f -exec cat {} + >/dev/null"
#     bench_add peer     "rg -f patterns"       1  "rg -j1 ... > \"\$BENCH_OUT/rg.out\""
#     bench_add keyhound "keyhound scan"        1  "\"\$KH\" scan --threads 1 ..." [RUNS]
#     bench_run
# role: floor | peer | keyhound; threads: a number or - ; RUNS overrides $BENCH_RUNS for a
# slow command. Commands run under sh -c; send their output to a file under $BENCH_OUT,
# not /dev/null (ripgrep stops at the first match of a file when stdout is /dev/null).
# Exit codes 0 and 1 count as success (1 = findings); others are flagged in the table.
# bench_check_planted MANIFEST JSONL [--git]: compares keyhound's findings to a manifest.
# When run alone (not from run.sh) a script prints its own table with bench_table.
#
# Exported for every script: KH (keyhound binary), BENCH (bench/), BENCH_CORPUS,
# BENCH_OUT, BENCH_RUNS, BENCH_RESULTS (the results file the table is made from),
# BENCH_CHECKS (planted-secret check lines, printed under the table).

BENCH=${BENCH:-$(cd "$(dirname "$0")" && pwd)}
BENCH_CORPUS=${BENCH_CORPUS:-${KH_BENCH_CORPUS:-$BENCH/corpus}}
BENCH_OUT=${BENCH_OUT:-$BENCH/out}
BENCH_RUNS=${BENCH_RUNS:-5}
mkdir -p "$BENCH_OUT"
BENCH_RESULTS=${BENCH_RESULTS:-$BENCH_OUT/results-$$.tsv}
BENCH_CHECKS=${BENCH_CHECKS:-$BENCH_OUT/checks-$$.txt}
export BENCH BENCH_CORPUS BENCH_OUT BENCH_RUNS BENCH_RESULTS BENCH_CHECKS

# The keyhound binary: $KH if set, else a Release build of this checkout in build-bench/.
bench_keyhound() {
	if [ -n "${KH:-}" ]; then
		export KH
		return 0
	fi
	root=$(cd "$BENCH/.." && pwd)
	KH=$root/build-bench/keyhound
	if [ ! -x "$KH" ] || [ -n "$(find "$root/scanner" "$root/include" "$root/patterns" \
		-newer "$KH" -type f 2>/dev/null | head -1)" ]; then
		echo "bench: building a Release keyhound in $root/build-bench" >&2
		cmake -S "$root" -B "$root/build-bench" -DCMAKE_BUILD_TYPE=Release \
			-DBUILD_TESTING=OFF >/dev/null &&
			cmake --build "$root/build-bench" -j2 --target keyhound >/dev/null || return 1
	fi
	export KH
}

bench_group() {
	BENCH_GROUP=$1
	BENCH_SPEC=$BENCH_OUT/spec-$$.tsv
	: > "$BENCH_SPEC"
	echo "== $BENCH_GROUP" >&2
}

bench_add() {
	printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "${5:--}" "$4" >> "$BENCH_SPEC"
}

bench_run() {
	python3 "$BENCH/lib/measure.py" run --group "$BENCH_GROUP" --spec "$BENCH_SPEC" \
		--runs "$BENCH_RUNS" --results "$BENCH_RESULTS"
	rm -f "$BENCH_SPEC"
}

bench_table() {
	python3 "$BENCH/lib/measure.py" table --results "$BENCH_RESULTS"
	[ -s "$BENCH_CHECKS" ] && cat "$BENCH_CHECKS"
	return 0
}

bench_check_planted() {
	python3 "$BENCH/lib/check_planted.py" "$@" | tee -a "$BENCH_CHECKS" >&2
}

# A fixed ~20 MB subset of the source corpus (BENCH_SUBSET_MB): the planted files, then
# include/ and python-stdlib/ in sorted order up to the size. For slow peers and callgrind.
bench_subset() {
	BENCH_SUBSET=$BENCH_CORPUS/subset
	limit=$(( ${BENCH_SUBSET_MB:-20} * 1000000 ))
	if [ -e "$BENCH_SUBSET.complete" ] && [ "$(cat "$BENCH_SUBSET.complete")" = "$limit" ]; then
		return 0
	fi
	rm -rf "$BENCH_SUBSET" "$BENCH_SUBSET.complete"
	mkdir -p "$BENCH_SUBSET"
	( cd "$BENCH_CORPUS/source" &&
	  { cut -f1 "$BENCH_CORPUS/source.planted" | sort -u | xargs -r stat -c '%s %n'
	    find include python-stdlib -type f -printf '%s %p\n' | LC_ALL=C sort -k2; } |
	  awk -v limit="$limit" '!seen[$2]++ { if (total + $1 > limit) exit; total += $1; print substr($0, length($1) + 2) }' |
	  while IFS= read -r f; do mkdir -p "$BENCH_SUBSET/$(dirname "$f")"; cp "$f" "$BENCH_SUBSET/$f"; done )
	# the part of the manifest that falls in the subset
	while IFS='	' read -r p line rule; do
		[ -e "$BENCH_SUBSET/$p" ] && printf '%s\t%s\t%s\n' "$p" "$line" "$rule"
	done < "$BENCH_CORPUS/source.planted" > "$BENCH_SUBSET.planted"
	echo "$limit" > "$BENCH_SUBSET.complete"
}
