#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The action's scan step. KH_MODE: range (KH_BASE..KH_HEAD: the lines the change adds),
# image (KH_TARGET: docker save tarball or OCI layout), scan (KH_TARGET, default .) or
# history. Writes SARIF to KH_SARIF, the findings to the log, and exit-code to
# $GITHUB_OUTPUT; exits 0 so the SARIF upload runs (the action fails afterwards).
set -uo pipefail
mode=${KH_MODE:-range}
sarif=${KH_SARIF:-keyhound.sarif}
read -r -a extra <<<"${KH_ARGS:-}"
zero=0000000000000000000000000000000000000000

# A shallow checkout lacks the base or the history between: fetch the base, then deepen
# until the merge base is there (the whole history as the last resort).
deepen_for() {
	local base=$1 head=$2
	git cat-file -e "$base^{commit}" 2>/dev/null ||
		git fetch -q --no-tags --depth=1 origin "$base" 2>/dev/null ||
		git fetch -q --no-tags origin "$base" || return 1
	for depth in 50 200 1000; do
		git merge-base "$base" "$head" >/dev/null 2>&1 && return 0
		[ -f "$(git rev-parse --git-dir)/shallow" ] || break
		git fetch -q --no-tags --deepen="$depth" origin "$head" 2>/dev/null ||
			git fetch -q --no-tags --deepen="$depth" origin
	done
	git merge-base "$base" "$head" >/dev/null 2>&1 && return 0
	[ ! -f "$(git rev-parse --git-dir)/shallow" ] || git fetch -q --no-tags --unshallow origin
	git merge-base "$base" "$head" >/dev/null 2>&1
}

case $mode in
range)
	head=${KH_HEAD:-HEAD}
	base=${KH_BASE:-}
	if [ -z "$base" ] || [ "$base" = "$zero" ]; then
		# a new branch or no base given: the pushed commit's own lines
		base=$(git rev-parse -q --verify "$head~1" 2>/dev/null || true)
	fi
	if [ -z "$base" ]; then
		set -- git . "${extra[@]}"
	else
		deepen_for "$base" "$head" || { echo "keyhound: cannot fetch the history from $base to $head" >&2; echo "exit-code=2" >>"${GITHUB_OUTPUT:-/dev/null}"; exit 0; }
		mb=$(git merge-base "$base" "$head")
		echo "keyhound: the lines added by $mb..$head"
		set -- git . --range "$mb..$head" "${extra[@]}"
	fi
	;;
image)
	[ -n "${KH_TARGET:-}" ] || { echo "keyhound: mode image needs target (a docker save tarball or OCI layout)" >&2; echo "exit-code=2" >>"${GITHUB_OUTPUT:-/dev/null}"; exit 0; }
	set -- image "$KH_TARGET" "${extra[@]}" ;;
scan) set -- scan "${KH_TARGET:-.}" "${extra[@]}" ;;
history) set -- git . "${extra[@]}" ;;
*) echo "keyhound: unknown mode '$mode' (range, image, scan, history)" >&2; echo "exit-code=2" >>"${GITHUB_OUTPUT:-/dev/null}"; exit 0 ;;
esac

keyhound "$@" --no-progress -f sarif -o "$sarif"
code=$?
# the same findings, readable, in the log
[ "$code" = 0 ] || keyhound "$@" --no-progress --color=never
echo "exit-code=$code" >>"${GITHUB_OUTPUT:-/dev/null}"
echo "keyhound: exit code $code (0 clean, 1 findings, 2 error); SARIF in $sarif"
exit 0
