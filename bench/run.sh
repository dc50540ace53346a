#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# The benchmark: one command, re-runnable, prints one markdown table.
#
#   bench/run.sh [--runs N] [--only source|startup|git|image]...
#
# Builds what is missing (corpora: corpus-source.sh, corpus-git.sh; peers: peers.sh; a Release
# keyhound in build-bench/ unless KH names a binary), then measures, each group alternating
# its commands over N runs (default 5) after a warm-up run, with threads 1 and 2:
#   start-up     `true` (floor) vs `keyhound --version` and a one-line scan from stdin
#   source tree  cat of every file (floor) vs keyhound scan
#   source 20 MB the same on a fixed subset, plus the peers too slow for the whole tree:
#                ripgrep -uuu with keyhound's own patterns, secretlint's recommended preset
#                (RG_FULL=1, SECRETLINT_FULL=1 add them on the whole tree; RG_RUNS, default 1)
#   git history  bench/git.sh if present, else: cat-file --batch-all-objects --unordered and
#                log -p -U0 --full-history --all (floors) vs keyhound git, on corpus/git
#   image        bench/image.sh, if present
# and checks that keyhound found every planted secret. Caches are warm (the corpora fit in
# memory): these are CPU figures, not disk figures.
# Environment: KH (keyhound binary), BENCH_RUNS, SECRETLINT_RUNS (default 1: it takes minutes),
# KH_BENCH_CORPUS (where the corpora live).
set -eu
BENCH=$(cd "$(dirname "$0")" && pwd)
only=""
while [ $# -gt 0 ]; do
	case $1 in
	--runs) BENCH_RUNS=$2; shift 2 ;;
	--only) only="$only $2"; shift 2 ;;
	-h|--help) sed -n '2,/^set -eu/p' "$0" | sed 's/^# \{0,1\}//; /^set -eu/d'; exit 0 ;;
	*) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
	esac
done
want() { [ -z "$only" ] || case " $only " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
. "$BENCH/lib/common.sh"
: > "$BENCH_RESULTS"
: > "$BENCH_CHECKS"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

bench_keyhound
if want source; then "$BENCH/corpus-source.sh" >&2; fi
if want git; then "$BENCH/corpus-git.sh" >&2; fi
"$BENCH/peers.sh" >&2 || echo "run.sh: a peer is missing, its figures are left out" >&2
SRC=$BENCH_CORPUS/source
O=$BENCH_OUT
# The corpora sit inside this repository, whose own .keyhound.yml allows bench/**: scan with
# an empty configuration so what is measured does not depend on it.
printf '# bench/run.sh: no allowlist\n' > "$O/bench.keyhound.yml"

# ---- start-up: what a hook pays before reading a byte
if want startup; then
	printf 'greeting = "hello"\n' > "$O/oneline.txt"
	bench_group "start-up"
	bench_add floor "true" - "true" 30
	bench_add keyhound "keyhound --version" - "\"\$KH\" --version > \"$O/version.out\"" 30
	bench_add keyhound "keyhound scan - (one line)" - \
		"\"\$KH\" scan - < \"$O/oneline.txt\" > \"$O/oneline.out\"" 30
	bench_run
fi

# ---- source tree
if want source; then
	# The patterns of the rules that apply to every file (lib/patterns.py says why not the
	# path-bound ones; `keyhound rules list --format patterns` prints them all).
	python3 "$BENCH/lib/patterns.py" "$BENCH/../patterns" > "$O/patterns.txt"
	# ripgrep's default engine is its fast one; -P cannot take this many patterns at once
	# (rg joins them into one PCRE2 regex, too large). lib/rg_patterns.py adapts them; the
	# result is cached per pattern set because checking each pattern costs a second or two.
	sum=$(cksum < "$O/patterns.txt" | cut -d' ' -f1)
	if [ "$(cat "$O/patterns-rg.sum" 2>/dev/null)" != "$sum" ]; then
		python3 "$BENCH/lib/rg_patterns.py" "$O/patterns.txt" "$O/patterns-rg.txt" > "$O/patterns-rg.counts"
		echo "$sum" > "$O/patterns-rg.sum"
	fi
	IFS=/ read -r rg_same rg_rewritten rg_left < "$O/patterns-rg.counts"
	rglabel="rg -f patterns"
	rgmode="--regex-size-limit=1G --dfa-size-limit=1G"
	echo "ripgrep: $(wc -l < "$O/patterns.txt") patterns (rules that apply to every file): $rg_same as they are, $rg_rewritten with lookarounds removed, $rg_left left out (multi-line)" >> "$BENCH_CHECKS"
	secretlint=$O/peers/node_modules/.bin/secretlint
	bench_group "source tree"
	bench_add floor "cat every file" - "find \"$SRC\" -type f -exec cat {} + > /dev/null"
	# ripgrep with these patterns reads about 0.7 MB/s per core here and secretlint about
	# 0.5 MB/s: both get the 20 MB subset below, and the whole tree only with RG_FULL=1 or
	# SECRETLINT_FULL=1 (each run then takes the better part of an hour).
	for t in 1 2; do
		bench_add keyhound "keyhound scan" $t \
			"\"\$KH\" scan --config \"$O/bench.keyhound.yml\" --threads $t --format jsonl --output \"$O/kh-source-t$t.jsonl\" \"$SRC\""
		[ -n "${RG_FULL:-}" ] && bench_add peer "$rglabel" $t \
			"rg -uuu -j $t $rgmode -f \"$O/patterns-rg.txt\" \"$SRC\" > \"$O/rg-source-t$t.out\" 2>&1" \
			"${RG_RUNS:-1}"
	done
	[ -x "$secretlint" ] && [ -n "${SECRETLINT_FULL:-}" ] && bench_add peer "secretlint (recommended preset)" - \
		"cd \"$SRC\" && \"$secretlint\" --secretlintrc \"$O/peers/.secretlintrc.json\" --maskSecrets '**/*' > \"$O/secretlint-source.out\" 2>&1" \
		"${SECRETLINT_RUNS:-1}"
	bench_run
	bench_check_planted --label "source tree" "$BENCH_CORPUS/source.planted" "$O/kh-source-t1.jsonl" || true
	n1=$(wc -l < "$O/kh-source-t1.jsonl"); n2=$(wc -l < "$O/kh-source-t2.jsonl")
	[ "$n1" = "$n2" ] || echo "threads 1 and 2 differ: $n1 vs $n2 findings" | tee -a "$BENCH_CHECKS"
fi

# ---- a 20 MB subset of the source tree, for the peers too slow for the whole tree
if want source; then
	bench_subset
	SUB=$BENCH_SUBSET
	bench_group "source 20 MB"
	bench_add floor "cat every file" - "find \"$SUB\" -type f -exec cat {} + > /dev/null"
	for t in 1 2; do
		bench_add keyhound "keyhound scan" $t \
			"\"\$KH\" scan --config \"$O/bench.keyhound.yml\" --threads $t --format jsonl --output \"$O/kh-subset-t$t.jsonl\" \"$SUB\""
	done
	for t in 1 2; do
		bench_add peer "$rglabel" $t \
			"rg -uuu -j $t $rgmode -f \"$O/patterns-rg.txt\" \"$SUB\" > \"$O/rg-subset-t$t.out\" 2>&1" \
			"${RG_RUNS:-1}"
	done
	[ -x "$secretlint" ] && bench_add peer "secretlint (recommended preset)" - \
		"cd \"$SUB\" && \"$O/peers/node_modules/.bin/secretlint\" --secretlintrc \"$O/peers/.secretlintrc.json\" --maskSecrets --format json '**/*' > \"$O/secretlint-subset.json\" 2> \"$O/secretlint-subset.err\"" \
		"${SECRETLINT_RUNS:-1}"
	bench_run
	bench_check_planted --label "20 MB subset" "$SUB.planted" "$O/kh-subset-t1.jsonl" || true
	echo "ripgrep printed $(wc -l < "$O/rg-subset-t1.out") matching lines on the subset" >> "$BENCH_CHECKS"
	[ -x "$secretlint" ] && python3 "$BENCH/lib/check_planted.py" --label "20 MB subset, by secretlint" --secretlint "$SUB" \
		"$SUB.planted" "$O/secretlint-subset.json" | head -1 >> "$BENCH_CHECKS" || true
fi

# ---- git history: bench/git.sh when that script exists; until then these figures
if want git && [ ! -f "$BENCH/git.sh" ] && [ -e "$BENCH_CORPUS/git/HEAD" ]; then
	R=$BENCH_CORPUS/git
	bench_group "git history"
	bench_add floor "cat-file --batch-all-objects --unordered" - \
		"git -C \"$R\" cat-file --batch-all-objects --batch --unordered > /dev/null"
	bench_add floor "log -p -U0 --full-history --all" - \
		"git -C \"$R\" log -p -U0 --full-history --all > /dev/null" "${GITLOG_RUNS:-1}"
	for t in 1 2; do
		bench_add keyhound "keyhound git" $t \
			"\"\$KH\" git --config \"$O/bench.keyhound.yml\" --threads $t --format jsonl --output \"$O/kh-git-t$t.jsonl\" \"$R\""
	done
	bench_run
	bench_check_planted --git --label "git history" "$BENCH_CORPUS/git.planted" "$O/kh-git-t1.jsonl" || true
fi

# ---- git history and image: the scripts of those features, on the same driver
# (git.sh and image.sh may use lib/common.sh, whose figures join the table, or print their
# own lines, which are kept under the table.)
for part in git image; do
	if want $part && [ -f "$BENCH/$part.sh" ]; then
		echo "== $part (bench/$part.sh)" >&2
		echo "$part (bench/$part.sh):" > "$O/$part.log"
		KH_BIN=$KH RUNS=$BENCH_RUNS bash "$BENCH/$part.sh" >> "$O/$part.log" ||
			echo "run.sh: $part.sh failed (exit $?)" >> "$O/$part.log"
		[ "$(wc -l < "$O/$part.log")" -gt 1 ] && cat "$O/$part.log" >> "$BENCH_CHECKS"
	fi
done

# ---- the table
{
	root=$(cd "$BENCH/.." && pwd)
	commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
	git -C "$root" diff --quiet HEAD 2>/dev/null || commit="$commit (with local changes)"
	echo "keyhound benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit"
	echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, $(free -g | awk '/^Mem/ {print $2}') GB RAM, Linux $(uname -r)"
	echo "load average (1, 5, 15 min): $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after; a busy machine widens the min-max spread"
	echo "keyhound: $("$KH" --version 2>&1 | head -1); $(wc -l < "$O/patterns.txt" 2>/dev/null || echo '?') patterns; medians of $BENCH_RUNS runs (warm cache)"
	[ -d "$SRC" ] && find "$SRC" -type f -printf '%s\n' | awk '{n++; s += $1} END {printf "source tree: %d files, %.0f MB\n", n, s / 1e6}'
	echo
	bench_table
} | tee "$O/table.md"
cp "$BENCH_RESULTS" "$O/results.tsv"
rm -f "$BENCH_RESULTS" "$BENCH_RESULTS.rss" "$BENCH_CHECKS"
