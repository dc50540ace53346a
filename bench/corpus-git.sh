#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Builds the git history corpus: bench/corpus/git (a bare repository).
#
#   bench/corpus-git.sh            build it if missing, then print its statistics
#   bench/corpus-git.sh --force    rebuild it
#   bench/corpus-git.sh --stats    only print the statistics
#
# Tens of thousands of commits and a few GB of distinct blob content, from real files on this
# machine (see lib/gitgen.py for how the history is shaped), written by `git fast-import` and
# packed by `git repack -a -d -f`. Also writes bench/corpus/git.planted: one line per planted secret,
#   commit<TAB>path<TAB>line<TAB>expected-rule-id<TAB>in_head|history
# where commit is the commit that introduced the secret, path "(commit message)" for one
# planted in a commit message.
#
# Environment: COMMITS (30000), TARGET_BYTES (3e9), SEED (8), KH_BENCH_CORPUS (bench/corpus).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
corpus=${KH_BENCH_CORPUS:-$here/corpus}
repo=$corpus/git
commits=${COMMITS:-30000}
target=${TARGET_BYTES:-3e9}
seed=${SEED:-8}

stats() {
	r=$1
	echo "== git corpus: $r"
	echo "commits (all refs): $(git -C "$r" rev-list --all --count)"
	echo "merge commits:      $(git -C "$r" rev-list --all --merges --count)"
	echo "refs:               $(git -C "$r" for-each-ref | wc -l) ($(git -C "$r" for-each-ref refs/heads | wc -l) branches, $(git -C "$r" for-each-ref refs/tags | wc -l) tags)"
	echo "files in HEAD:      $(git -C "$r" ls-tree -r HEAD --name-only | wc -l)"
	git -C "$r" cat-file --batch-all-objects --batch-check='%(objecttype) %(objectsize)' |
		awk '{n[$1]++; s[$1]+=$2}
		     END {printf "objects:            %d blobs (%.2f GB distinct content), %d trees, %d commits\n",
		                 n["blob"], s["blob"]/1e9, n["tree"], n["commit"]}'
	git -C "$r" count-objects -vH
	for idx in "$r"/objects/pack/*.idx; do
		[ -e "$idx" ] || continue
		git verify-pack -v "$idx" | awk -v pack="$(basename "$idx" .idx)" '
			NF >= 5 && ($2 == "blob" || $2 == "tree" || $2 == "commit" || $2 == "tag") {
				n[$2]++
				if (NF >= 7) { d[$2]++; nd++; sum += $6; if ($6 > max) max = $6
					if ($6 == 1) b = "1"; else if ($6 <= 4) b = "2-4"; else if ($6 <= 9) b = "5-9"
					else if ($6 <= 19) b = "10-19"; else if ($6 <= 29) b = "20-29"
					else if ($6 <= 39) b = "30-39"; else if ($6 <= 49) b = "40-49"; else b = "50+"
					h[b]++ }
				else h["0 (base)"]++
			}
			END {
				printf "pack %s\n", pack
				printf "deltas:             %d of %d objects (blobs %d of %d, trees %d of %d)\n",
				       nd, n["blob"] + n["tree"] + n["commit"] + n["tag"], d["blob"], n["blob"], d["tree"], n["tree"]
				printf "delta chain depth:  mean %.1f, max %d\n", nd ? sum / nd : 0, max
				split("0 (base)|1|2-4|5-9|10-19|20-29|30-39|40-49|50+", k, "|")
				for (i = 1; i <= 9; i++) if (h[k[i]]) printf "  depth %-9s %8d objects\n", k[i], h[k[i]]
			}'
	done
}

if [ "${1:-}" = "--stats" ]; then
	stats "$repo"
	exit 0
fi
if [ -e "$repo/HEAD" ] && [ "${1:-}" != "--force" ]; then
	echo "corpus-git: $repo exists (--force to rebuild, --stats for its delta chains)"
	exit 0
fi

mkdir -p "$corpus"
tmp=$repo.tmp
rm -rf "$tmp" "$repo"
git init -q --bare "$tmp"
git -C "$tmp" symbolic-ref HEAD refs/heads/main
git -C "$tmp" config gc.auto 0     # nothing may repack behind a benchmark's back
start=$(date +%s)
python3 "$here/lib/gitgen.py" --commits "$commits" --target-bytes "$target" --seed "$seed" \
	--manifest "$tmp/planted.marks" --summary "$tmp/gitgen.summary" |
	git -C "$tmp" fast-import --quiet --depth=0 --export-marks="$tmp/marks"
echo "corpus-git: fast-import done in $(( $(date +%s) - start )) s"
# marks -> commit ids in the manifest
awk -F'\t' 'NR == FNR { split($0, a, " "); id[a[1]] = a[2]; next }
            { $1 = id[$1]; print }' OFS='\t' "$tmp/marks" "$tmp/planted.marks" > "$corpus/git.planted"
rm -f "$tmp/marks" "$tmp/planted.marks"
# fast-import wrote every object whole (--depth=0: its own deltas are against whatever blob
# came before in the stream, and a plain gc would keep them); compute real deltas now, the
# way a server's repack does (window 10, depth 50; not --aggressive).
git -C "$tmp" repack -a -d -f -q
git -C "$tmp" prune --expire=now
echo "corpus-git: built in $(( $(date +%s) - start )) s"
mv "$tmp" "$repo"
cat "$repo/gitgen.summary"
stats "$repo"
