#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the keyhound image without a registry and checks its hardening: the fresh Debian
# root (.ci/debroot.sh) is imported as the base into buildah's own storage, the
# Containerfile is built with --pull=never, the image is unpacked with umoci and its
# entrypoint run in the unpacked root mounted read-only, as uid 65534; then keyhound scans
# its own image (docker save tarball) with default options: zero findings.
# usage: [DEB=keyhound.deb] image-test.sh ROOT [OUT]   (OUT keeps the image tarball and
# the self-scan)
set -euo pipefail
root=${1:?usage: image-test.sh ROOT [OUT]}
here=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's/^project(keyhound VERSION \([0-9.]*\).*/\1/p' "$here/CMakeLists.txt")
work=$(mktemp -d /tmp/kh-image-test.XXXXXX)
out=${2:-$work/out}
mkdir -p "$out"
B=(buildah --storage-driver vfs --root "$work/storage" --runroot "$work/run")
R=$work/bundle/rootfs
cleanup() {
	for m in "$R/scan" "$R/dev" "$R/proc" "$R"; do umount "$m" 2>/dev/null || true; done
	"${B[@]}" rm --all >/dev/null 2>&1 || true
	rm -rf "$work"
}
trap cleanup EXIT
fails=0
expect() { if [ "$2" = "$3" ]; then echo "ok: $1"; else echo "FAIL: $1: expected $2, got $3"; fails=$((fails + 1)); fi; }

# the base: the debootstrap root as debian:bookworm-slim, in local storage only
ctr=$("${B[@]}" from scratch)
mnt=$("${B[@]}" mount "$ctr")
cp -a "$root/." "$mnt/" && rm -f "$mnt/.keyhound-complete"
"${B[@]}" umount "$ctr" >/dev/null
"${B[@]}" commit -q "$ctr" docker.io/library/debian:bookworm-slim >/dev/null
"${B[@]}" rm "$ctr" >/dev/null

# the image, as a user would build it (no registry: --pull=never); with a DEB, from that
# .deb (the build stage then skips compiling: CI passes the one it tested, to stay in time)
ctx=$work/context
mkdir -p "$ctx"
tar -C "$here" --exclude='./build*' --exclude=./.git --exclude=node_modules --exclude='./bench/corpus*' -c . | tar -C "$ctx" -x
debarg=()
if [ -n "${DEB:-}" ]; then
	cp "$DEB" "$ctx/keyhound.deb"
	debarg=(--build-arg KEYHOUND_DEB=keyhound.deb)
fi
"${B[@]}" bud --pull=never --isolation chroot --layers=false --build-arg VERSION="$version" \
	"${debarg[@]}" -t "keyhound:$version" -f "$ctx/Containerfile" "$ctx"
"${B[@]}" push -q "keyhound:$version" "oci:$work/oci:keyhound:$version"
rm -f "$out/keyhound-image.tar"
"${B[@]}" push -q "keyhound:$version" "docker-archive:$out/keyhound-image.tar:keyhound:$version"
"${B[@]}" inspect --type image "keyhound:$version" >"$work/inspect.json"
python3 - "$work/inspect.json" "$version" <<'EOF'
import json, sys
c = json.load(open(sys.argv[1]))["OCIv1"]["config"]
labels = c.get("Labels") or {}
assert c.get("User") == "65534:65534", c.get("User")
assert c.get("Entrypoint") == ["/usr/bin/keyhound"], c.get("Entrypoint")
assert labels.get("org.opencontainers.image.licenses") == "Apache-2.0", labels
assert labels.get("org.opencontainers.image.version") == sys.argv[2], labels
print("ok: user 65534, entrypoint keyhound, OCI labels", sorted(labels))
EOF
[ $? = 0 ] || fails=$((fails + 1))

# unpacked, read-only, as uid 65534: the entrypoint and the config's user, as a runtime would
umoci unpack --image "$work/oci:keyhound:$version" "$work/bundle" >/dev/null
read -r -a entry < <(python3 -c 'import json,sys; p=json.load(open(sys.argv[1]))["process"]; print(" ".join(p["args"][:1]), p["user"]["uid"], p["user"]["gid"])' "$work/bundle/config.json")
expect "config.json runs as uid 65534" "65534 65534" "${entry[1]} ${entry[2]}"
set +e   # from here on each check counts its own failure
mkdir -p "$R/scan" "$R/proc" "$R/dev" "$work/scan"
cp "$out/keyhound-image.tar" "$here/examples/leaky-app/config/settings.py" "$work/scan/"
mount --bind "$R" "$R" && mount -o remount,bind,ro "$R"
mount -t proc proc "$R/proc"
mount --bind /dev "$R/dev"
mount --bind "$work/scan" "$R/scan" && mount -o remount,bind,ro "$R/scan"
run() { chroot "$R" /usr/bin/setpriv --reuid="${entry[1]}" --regid="${entry[2]}" --clear-groups --no-new-privs "${entry[0]}" "$@"; }
touch "$R/etc/probe" 2>/dev/null || true; expect "the root file system is read-only" 1 "$([ -e "$R/etc/probe" ] && echo 0 || echo 1)"
run --version; expect "entrypoint --version, read-only, uid 65534" 0 $?
run scan /scan/settings.py -q >/dev/null; expect "entrypoint finds a planted secret" 1 $?
chroot "$R" /usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups /usr/bin/id -u >"$work/uid"
expect "the process runs as 65534" 65534 "$(cat "$work/uid")"
# keyhound scans its own image with default options, from inside that image
run image /scan/keyhound-image.tar -f json >"$out/self-scan.json" 2>"$out/self-scan.err"
rc=$?
python3 - "$out/self-scan.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
s = r["summary"]
print("self-scan: %d findings, %d blobs, %.1f MB, skipped %s, errors %s" % (
    len(r["findings"]), s["blobs"], s["bytes"] / 1e6, s.get("skipped"), s.get("errors")))
for f in r["findings"][:20]:
    print("  ", f["rule_id"], f["path"])
EOF
expect "keyhound image on its own image: exit 0 (zero findings)" 0 $rc
echo "$fails failure(s)"
exit $fails
