#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs the .deb into a copy of a fresh Debian root (.ci/debroot.sh) and, in a chroot,
# runs what a new user would: scan of a folder holding a zip, git history, image of a docker
# save tarball, sweep of a local repository, hook install and a blocked commit.
# usage: deb-test.sh ROOT DEB
set -euo pipefail
root=${1:?usage: deb-test.sh ROOT DEB} deb=${2:?}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/kh-deb-test.XXXXXX)
cleanup() {
	umount "$work/root/proc" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
cp -a "$root" "$work/root"
R=$work/root
cp /etc/resolv.conf "$R/etc/resolv.conf"
mount -t proc proc "$R/proc"
mkdir -p "$R/tmp/kh"
cp "$deb" "$R/tmp/kh/keyhound.deb"
cp -r "$here/examples/leaky-app" "$R/tmp/kh/"
python3 "$here/.ci/fixtures.py" "$R/tmp/kh"
cat >"$R/tmp/kh/run.sh" <<'EOF'
set -u
fails=0
expect() { # NAME WANT GOT
	if [ "$2" = "$3" ]; then echo "ok: $1"; else echo "FAIL: $1: expected $2, got $3"; fails=$((fails + 1)); fi
}
cd /tmp/kh
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >apt.log 2>&1 && apt-get install -y -qq ./keyhound.deb >>apt.log 2>&1
rc=$?
expect "apt-get install ./keyhound.deb" 0 $rc
[ "$rc" = 0 ] || { echo "--- apt.log (last 40 lines)"; tail -n 40 apt.log; echo "---"; }
command -v keyhound && keyhound --version
expect "the dependencies pulled in git" 0 "$(command -v git >/dev/null; echo $?)"
git config --global user.email ci@example.com && git config --global user.name CI
git config --global init.defaultBranch main

mkdir folder && cp leaky.zip folder/
keyhound scan folder -f jsonl -o scan.jsonl; expect "scan of a folder holding a zip: exit 1" 1 $?
grep -q '"path":"[a-z/]*leaky.zip!leaky-app/config/settings.py"' scan.jsonl
expect "the finding is inside the zip" 0 $?

git init -q repo && cp -r leaky-app/. repo/ && git -C repo add -A && git -C repo commit -qm leak
keyhound git repo -q; expect "git history: exit 1" 1 $?

keyhound image leaky-image.tar -f json -o image.json; expect "image of a docker save tarball: exit 1" 1 $?
grep -q '"layer": "sha256:' image.json; expect "image findings name the layer" 0 $?

keyhound sweep repo --state sweep.db -q; expect "sweep of a local repository: exit 1" 1 $?
keyhound sweep repo --state sweep.db --new-only -q; expect "sweep again, --new-only: nothing new" 0 $?

git init -q hooked && cd hooked
keyhound hook install; expect "hook install" 0 $?
cp ../leaky-app/config/settings.py . && git add settings.py
env PATH=/usr/bin:/bin git commit -qm leak 2>../commit.err; expect "commit with a secret is blocked" 1 $?
grep -q "keyhound blocked this commit" ../commit.err; expect "the block message" 0 $?
grep -q "Rotate it" ../commit.err; expect "the block message says rotate" 0 $?
git rm -q --cached settings.py && echo "hello" >ok.txt && git add ok.txt
git commit -qm clean; expect "a clean commit passes" 0 $?
man -w keyhound >/dev/null 2>&1 || test -f /usr/share/man/man1/keyhound.1.gz -o -f /usr/share/man/man1/keyhound.1
expect "man page installed" 0 $?
echo "$fails failure(s)"
exit $fails
EOF
chroot "$R" /bin/bash /tmp/kh/run.sh
