#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# A fresh Debian root (debootstrap --variant=minbase) in $1, from the mirror and release apt
# uses on this machine; kept once complete, so the .deb test and the image build share it.
# Both work on copies: this root stays as debootstrap left it, but for its apt sources,
# which are the host's (release, updates and security, as debian:bookworm-slim has them):
# the .deb's dependencies are versioned against the host's libraries, which may come from
# the updates or security suites.
set -euo pipefail
root=${1:?usage: debroot.sh DIR}
sources() {
	if [ -f /etc/apt/sources.list.d/debian.sources ]; then
		cp /etc/apt/sources.list.d/debian.sources "$root/etc/apt/sources.list.d/debian.sources"
		rm -f "$root/etc/apt/sources.list"
	elif [ -f /etc/apt/sources.list ]; then
		grep -E '^deb ' /etc/apt/sources.list >"$root/etc/apt/sources.list"
	fi
}
if [ -e "$root/.keyhound-complete" ]; then
	sources
	exit 0
fi
. /etc/os-release
suite=${VERSION_CODENAME:?}
mirror=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)
[ -n "$mirror" ] || mirror=$(awk '$1 == "deb" && $2 !~ /security/ {print $2; exit}' /etc/apt/sources.list)
command -v debootstrap >/dev/null || apt-get install -y --no-install-recommends debootstrap
rm -rf "$root"
debootstrap --variant=minbase "$suite" "$root" "$mirror"
# apt lists are fetched where needed; the root itself is the bare system
sources
touch "$root/.keyhound-complete"
