#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The action's install step: keyhound from the .deb at $KH_DEB_URL, else built from the
# action's own checkout ($KH_SOURCE). With $KH_INSTALL_ROOT the .deb is unpacked there
# (no root needed: keyhound finds its rules beside itself) instead of installed with apt.
# Puts keyhound's folder on $GITHUB_PATH.
set -euo pipefail
src=${KH_SOURCE:-$(cd "$(dirname "$0")/../.." && pwd)}
tmp=${RUNNER_TEMP:-/tmp}
sudo=
[ "$(id -u)" = 0 ] || sudo=sudo
if [ -n "${KH_DEB_URL:-}" ]; then
	deb=$tmp/keyhound.deb
	curl -fsSL --proto '=https,file' -o "$deb" "$KH_DEB_URL"
	if [ -n "${KH_INSTALL_ROOT:-}" ]; then
		dpkg-deb -x "$deb" "$KH_INSTALL_ROOT"
		bin=$KH_INSTALL_ROOT/usr/bin
	else
		$sudo apt-get update -qq
		$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb"
		bin=/usr/bin
	fi
else
	prefix=${KH_INSTALL_ROOT:-$tmp/keyhound}
	$sudo env DEBIAN_FRONTEND=noninteractive "$src/.ci/deps" build
	cmake -S "$src" -B "$tmp/keyhound-build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF
	cmake --build "$tmp/keyhound-build" -j"$(nproc)"
	cmake --install "$tmp/keyhound-build" --prefix "$prefix"
	bin=$prefix/bin
fi
"$bin/keyhound" --version
[ -z "${GITHUB_PATH:-}" ] || echo "$bin" >>"$GITHUB_PATH"
