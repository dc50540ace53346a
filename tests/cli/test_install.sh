#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# cmake --install --prefix P gives a keyhound that works outside the build tree: it finds
# its compiled rules and rule files under P/share/keyhound from its own location (any
# prefix, even after the tree is moved), ships man pages and completions, and does not
# report its own rule pack (whose examples are secrets by design).
. "$(dirname "$0")/lib.sh"
B=${KH_BUILD_DIR:?}
P=$T/prefix
cmake --install "$B" --prefix "$P" >"$T/install.log" 2>&1
check "cmake --install --prefix" [ $? = 0 ]
for f in bin/keyhound share/keyhound/keyhound-rules.hsdb share/keyhound/patterns/aws.yml \
	share/man/man1/keyhound.1 share/man/man1/keyhound-scan.1 \
	share/bash-completion/completions/keyhound share/zsh/vendor-completions/_keyhound \
	share/fish/vendor_completions.d/keyhound.fish share/doc/keyhound/LICENSE; do
	check "installs $f" [ -s "$P/$f" ]
done
# moved after install, run from elsewhere, with an empty cache: the shipped database loads
mv "$P" "$T/moved" && P=$T/moved
export XDG_CACHE_HOME=$T/cache
built=$("$KH" --version | tail -1)
cd /
run_kh_p() { "$P/bin/keyhound" "$@" >"$T/.out" 2>"$T/.err"; RC=$?; OUT=$(cat "$T/.out"); ERR=$(cat "$T/.err"); }
run_kh_p --version
check "installed keyhound has the built rules ($built)" [ "$RC" = 0 -a "$(echo "$OUT" | tail -1)" = "$built" ]
check "--version loads no rules (reads the shipped file's header; no cache made)" [ ! -e "$T/cache/keyhound" ]
run_kh_p scan --no-progress "$SRC/examples/leaky-app"
check "installed keyhound finds the example's secrets" [ "$RC" = 1 ]
check "the shipped compiled rules load (nothing compiled into the cache)" \
	bash -c "ls '$T/cache/keyhound' | grep -q '^parsed-' && ! ls '$T/cache/keyhound' | grep -q hsdb"
run_kh_p scan --no-progress -f json "$P"
check "installed keyhound scanning its own install: exit 0" [ "$RC" = 0 ]
check "its own rule files are a counted skip" python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
assert not r["findings"], r["findings"][:2]
assert "keyhound-rule-pack" in json.dumps(r["summary"]), r["summary"]' "$T/.out"
# a copy that is not byte-identical is reported: the recognition is by content only
cp "$P/share/keyhound/patterns/github.yml" "$T/github.yml" && echo "# edited" >>"$T/github.yml"
run_kh_p scan --no-progress "$T/github.yml"
check "an edited copy of a rule file is scanned" [ "$RC" = 1 ]
MANWIDTH=80 man -l "$P/share/man/man1/keyhound-git.1" >"$T/man.txt" 2>/dev/null &&
	check "man keyhound-git renders" grep -q -- "--staged" "$T/man.txt"
# as in the image: another user (65534) scans a repository it does not own
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	git init -q "$T/owned" && printf 'k = %s\n' "$(sed -n 10p "$SRC/examples/leaky-app/config/settings.py" | cut -d'"' -f2)" >"$T/owned/a.py"
	git -C "$T/owned" add a.py && git -C "$T/owned" -c user.name=a -c user.email=a@b commit -qm a
	chmod -R o+rX "$T" && chmod o+x "$T/.." 2>/dev/null
	setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/nonexistent XDG_CACHE_HOME= \
		"$P/bin/keyhound" git --no-progress -q "$T/owned" >"$T/owned.out" 2>&1
	check "a repository owned by another user is scanned (the image's uid 65534)" [ $? = 1 ]
fi
finish
