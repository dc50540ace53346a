#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Builds the source-tree corpus: bench/corpus/source, real code copied from this machine
# (C headers, a Python standard library, Perl modules, Free Pascal sources: ~0.5 GB), plus the
# planted secrets of lib/planted.py and their manifest bench/corpus/source.planted
# (path relative to corpus/source<TAB>line<TAB>expected rule id).
#
#   bench/corpus-source.sh [--force]
#
# Symbolic links and __pycache__ folders are left out, so every tool reads the same bytes.
# Environment: KH_BENCH_CORPUS (bench/corpus).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
corpus=${KH_BENCH_CORPUS:-$here/corpus}
dest=$corpus/source

stats() {
	echo "== source corpus: $dest"
	find "$dest" -type f -printf '%s\n' |
		awk '{n++; s += $1} END {printf "files: %d, bytes: %d (%.0f MB)\n", n, s, s / 1e6}'
	echo "planted secrets: $(wc -l < "$corpus/source.planted") ($corpus/source.planted)"
}

if [ -e "$corpus/source.planted" ] && [ "${1:-}" != "--force" ]; then
	echo "corpus-source: $dest exists (--force to rebuild)"
	stats
	exit 0
fi

py=$(ls -d /root/.pyenv/versions/3.12*/lib/python3.12 2>/dev/null | tail -1 || true)
[ -n "$py" ] || py=$(ls -d /usr/lib/python3.[0-9]* | tail -1)
# source folder -> name inside the corpus
set -- /usr/include include \
	"$py" python-stdlib \
	/usr/share/perl perl \
	/usr/share/fpcsrc fpc

rm -rf "$dest" "$corpus/source.planted"
mkdir -p "$dest"
while [ $# -ge 2 ]; do
	if [ -d "$1" ]; then
		mkdir -p "$dest/$2"
		# -L would double-count files linked twice; links are dropped below instead
		cp -a "$1/." "$dest/$2/"
	else
		echo "corpus-source: $1 missing, left out" >&2
	fi
	shift 2
done
find "$dest" -name __pycache__ -type d -prune -exec rm -rf {} +
find "$dest" -name site-packages -type d -prune -exec rm -rf {} +
find "$dest" -type l -delete
find "$dest" -type d -empty -delete
python3 "$here/lib/planted.py" source "$dest" "$corpus/source.planted"
stats
