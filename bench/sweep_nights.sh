#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Three nights of `sweep --mirror --new-only` over N remotes served by git daemon on the
# loopback address (bench/make_git_corpus.py histories of different source folders): night 1
# clones and reads everything, a commit with a secret is pushed to one remote, night 2 fetches
# all and reads what changed, night 3 nothing changed. Prints one line per night.
#   bench/sweep_nights.sh [KEYHOUND] [N_REPOS=12] [COMMITS=200]
set -euo pipefail
KH=${1:-build/keyhound}
N=${2:-12}
C=${3:-200}
case $KH in /*) ;; *) KH="$PWD/$KH" ;; esac
HERE=$(cd "$(dirname "$0")" && pwd)
W=$(mktemp -d /tmp/kh-nights-XXXXXX)
DPID=
trap '[ -n "$DPID" ] && kill $DPID 2>/dev/null; rm -rf "$W"' EXIT
export GIT_AUTHOR_NAME=Dev GIT_AUTHOR_EMAIL=dev@example.com GIT_COMMITTER_NAME=Dev \
	GIT_COMMITTER_EMAIL=dev@example.com GIT_CONFIG_NOSYSTEM=1 HOME="$W"
git config --global init.defaultBranch main

# source folders with text files, one per remote (the first N that exist)
SOURCES=()
for d in /usr/include/linux /usr/include/x86_64-linux-gnu /usr/include/c++ /usr/share/perl \
	/usr/lib/python3.11/email /usr/lib/python3.11/asyncio /usr/lib/python3.11/json \
	/usr/lib/python3.11/unittest /usr/lib/python3.11/xml /usr/lib/python3.11/http \
	/usr/lib/python3.11/logging /usr/lib/python3.11/importlib /usr/share/doc/git /usr/include/openssl \
	/usr/include/sqlite3.h /usr/lib/python3.11/multiprocessing /usr/lib/python3.11/concurrent; do
	[ -e "$d" ] && [ -d "$d" ] && SOURCES+=("$d")
	[ ${#SOURCES[@]} -ge "$N" ] && break
done
[ ${#SOURCES[@]} -ge "$N" ] || { echo "only ${#SOURCES[@]} source folders found" >&2; exit 1; }
mkdir -p "$W/remotes"
for i in $(seq 0 $((N - 1))); do
	python3 "$HERE/make_git_corpus.py" "$W/src$i" "$C" "${SOURCES[$i]}" >/dev/null 2>&1
	git clone -q --bare "$W/src$i" "$W/remotes/r$i.git" && rm -rf "$W/src$i"
done
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
git daemon --reuseaddr --listen=127.0.0.1 --port="$PORT" --base-path="$W/remotes" --export-all "$W/remotes" &
DPID=$!
for _ in $(seq 100); do git ls-remote "git://127.0.0.1:$PORT/r0.git" >/dev/null 2>&1 && break; sleep 0.1; done
for i in $(seq 0 $((N - 1))); do echo "git://127.0.0.1:$PORT/r$i.git"; done >"$W/repos.txt"

night() { # night NUMBER
	local t0 t1
	t0=$(date +%s.%N)
	"$KH" sweep --repos "$W/repos.txt" --mirror "$W/mirrors" --state "$W/state.db" --new-only \
		--jobs 2 --no-progress -f json -o "$W/night$1.json" 2>/dev/null || true
	t1=$(date +%s.%N)
	python3 - "$W/night$1.json" "$1" "$t0" "$t1" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
s, rs = d["summary"], d["summary"]["repositories"]
fetched = sum(1 for r in rs if r.get("mirror") in ("fetched", "cloned"))
print("night %s: %6.1f s  %2d repositories (%d cloned, %d fetched), %d swept, %d unchanged; "
      "%d blobs matched (%.1f MB read), %d new findings" % (
      sys.argv[2], float(sys.argv[4]) - float(sys.argv[3]), len(rs),
      sum(1 for r in rs if r.get("mirror") == "cloned"), sum(1 for r in rs if r.get("mirror") == "fetched"),
      s["sweep"]["swept"], s["sweep"]["unchanged"], s["sweep"]["blobs_new"], s["bytes"] / 1e6, len(d["findings"])))
PY
}
echo "$N remotes of $C commits each: $(du -sh "$W/remotes" | cut -f1) of packs; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
night 1
# a secret pushed to one remote
git clone -q "$W/remotes/r3.git" "$W/work"
KEY=$(python3 -c 'import random, string; r = random.Random(7); print("".join(r.choice(string.ascii_letters + string.digits) for _ in range(24)))')
printf 'STRIPE_KEY = "sk_live_%s"\n' "$KEY" >"$W/work/payments.py"
git -C "$W/work" add payments.py && git -C "$W/work" commit -qm "payments"
git -C "$W/work" push -q origin HEAD
night 2
night 3
python3 -c "
import json
fs = json.load(open('$W/night2.json'))['findings']
print('night 2 findings:', [(f['repository'].rsplit('/', 1)[-1], f['path'], f['rule_id']) for f in fs])"
