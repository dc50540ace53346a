#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Build the libFuzzer targets with clang (ASan + UBSan) and run each for a fixed number of
# runs from generated seeds. Usage: tests/fuzz/run.sh [RUNS] (default 20000).
# Env: KH_FUZZ_BUILD (build folder, default build-fuzz under the repository root).
set -eu
runs=${1:-20000}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${KH_FUZZ_BUILD:-$root/build-fuzz}
CC=clang cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKEYHOUND_FUZZ=ON \
	-DBUILD_TESTING=OFF >/dev/null
status=0
for src in "$root"/tests/fuzz/fuzz_*.c; do
	name=$(basename "$src" .c)
	cmake --build "$build" --target "$name" -j2 >/dev/null
	corpus=$(mktemp -d)
	python3 "$root/tests/fuzz/seeds.py" "$corpus"
	echo "fuzz: $name, $runs runs"
	if ! "$build/tests/fuzz/$name" -runs="$runs" -max_len=65536 -rss_limit_mb=2048 \
		-timeout=30 -print_final_stats=1 "$corpus" 2>"$corpus.log"; then
		tail -50 "$corpus.log"
		status=1
	else
		grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$corpus.log" || true
	fi
	rm -rf "$corpus" "$corpus.log"
done
exit $status
