#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Installs and checks the peers the benchmark compares keyhound with:
#   secretlint + @secretlint/secretlint-rule-preset-recommend (npm, into bench/out/peers,
#   never committed), ripgrep (rg) and hyperfine (Debian packages).
# Prints one line per peer with its version; exits 1 if one is missing and cannot be installed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
peers=$here/out/peers
status=0

for tool in rg hyperfine git python3; do
	if command -v "$tool" >/dev/null 2>&1; then
		echo "$tool: $("$tool" --version 2>&1 | head -1)"
	else
		case $tool in rg) pkg=ripgrep ;; *) pkg=$tool ;; esac
		echo "$tool: MISSING (apt-get install $pkg)" >&2
		status=1
	fi
done
if rg --pcre2-version >/dev/null 2>&1; then
	echo "rg PCRE2: $(rg --pcre2-version | head -1)"
else
	echo "rg PCRE2: not available (rg -P will fail; the default engine is used)" >&2
fi

if [ ! -x "$peers/node_modules/.bin/secretlint" ]; then
	if command -v npm >/dev/null 2>&1; then
		mkdir -p "$peers"
		[ -e "$peers/package.json" ] || echo '{"name": "keyhound-bench-peers", "private": true}' > "$peers/package.json"
		npm install --prefix "$peers" --no-audit --no-fund --loglevel=error \
			secretlint @secretlint/secretlint-rule-preset-recommend >&2 || status=1
	else
		echo "secretlint: npm missing, not installed" >&2
		status=1
	fi
fi
if [ -x "$peers/node_modules/.bin/secretlint" ]; then
	cat > "$peers/.secretlintrc.json" <<'JSON'
{"rules": [{"id": "@secretlint/secretlint-rule-preset-recommend"}]}
JSON
	echo "secretlint: $("$peers/node_modules/.bin/secretlint" --version) (node $(node --version)), config $peers/.secretlintrc.json"
fi
exit $status
