#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# The conventions a user expects of the program: --help and -h on every command, help CMD,
# "did you mean", shell completion (bash-completion completes a word), man pages from the
# same text, --color and NO_COLOR, the KEYHOUND_* variables, progress lines in a log.
. "$(dirname "$0")/lib.sh"
write_rules
unset NO_COLOR KEYHOUND_FORMAT KEYHOUND_CONFIG KEYHOUND_RULES KEYHOUND_NO_DEFAULT_RULES KEYHOUND_QUIET
CMDS="scan git image sweep report hook rules completion help version"

for c in $CMDS; do
	run_kh "$c" --help
	check "$c --help exits 0 with its usage" [ "$RC" = 0 -a -n "$(echo "$OUT" | grep "^usage: keyhound ")" ]
	run_kh "$c" -h
	check "$c -h exits 0" [ "$RC" = 0 ]
	help_text=$OUT
	run_kh help "$c"
	check "help $c is $c --help" [ "$RC" = 0 -a "$OUT" = "$help_text" ]
done
run_kh hook install --help
check "hook install --help is help, not an install" [ "$RC" = 0 -a -z "$(echo "$OUT" | grep "the hooks run")" ]
run_kh --help
check "--help lists every command" bash -c "for c in $CMDS; do echo \"\$1\" | grep -q \"^  \$c \" || exit 1; done" _ "$OUT"

run_kh sacn .
check "a mistyped command: exit 2 and did you mean" [ "$RC" = 2 -a -n "$(echo "$ERR" | grep "did you mean 'scan'")" ]
run_kh scan --fromat json .
check "a mistyped option: did you mean --format" [ "$RC" = 2 -a -n "$(echo "$ERR" | grep "did you mean --format")" ]
run_kh git --stagd
check "a mistyped command option: did you mean --staged" [ -n "$(echo "$ERR" | grep "did you mean --staged")" ]

# every option the parser accepts is in the help text (one text for parser and docs)
for opt in $(sed -n '/^static int common_opt/,/^}/p' "$SRC/scanner/cli/common.c" | grep -o '"--[a-z-]*"' | tr -d '"' | sort -u); do
	case $opt in --colour) continue ;; esac
	"$KH" --help | grep -q -- "$opt" || not_ok "option $opt is not in keyhound --help"
done
ok "every common option is in --help"

# short flags
printf 'api = "tok_P1b2C3d4E5f6G7h8I9j0K1l2"\n' >"$T/s.txt"
run_kh scan -r "$T/rules" --no-default-rules -f jsonl -o "$T/short.jsonl" -q "$T/s.txt"
check "short flags -r -f -o -q" [ "$RC" = 1 -a -s "$T/short.jsonl" ]
check "short flags: jsonl written" jsonl_check 'fs[0]["rule_id"]=="test-token"' "$T/short.jsonl"

# completion: bash-completion completes a word
if [ -f /usr/share/bash-completion/bash_completion ]; then
	"$KH" completion bash >"$T/kh.bash"
	complete_word() { # words... : prints COMPREPLY
		bash -c '. /usr/share/bash-completion/bash_completion; . "$1"; shift
			COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
			_keyhound keyhound "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
			printf "%s\n" "${COMPREPLY[@]}"' _ "$T/kh.bash" "$@"
	}
	check "bash completes 'sc' to scan" [ "$(complete_word keyhound sc)" = scan ]
	check "bash completes 'scan --for' to --format" [ "$(complete_word keyhound scan --for)" = --format ]
	check "bash completes 'hook ins' to install" [ "$(complete_word keyhound hook ins)" = install ]
	check "bash completes '--format js' to json jsonl" [ "$(complete_word keyhound scan --format js | tr '\n' ' ')" = "json jsonl " ]
	mkdir -p "$T/cwd" && touch "$T/cwd/app.tar"
	check "bash completes a file name" [ "$(cd "$T/cwd" && complete_word keyhound image app)" = app.tar ]
else
	not_ok "bash-completion is not installed (.ci/deps installs it)"
fi
run_kh completion zsh
check "zsh completion script" [ "$RC" = 0 -a -n "$(echo "$OUT" | grep '^#compdef keyhound')" ]
run_kh completion fish
check "fish completion knows scan's --format" [ -n "$(echo "$OUT" | grep "seen_subcommand_from scan' -s f -l format")" ]
run_kh completion tcsh
check "completion of an unknown shell: exit 2" [ "$RC" = 2 ]

# man pages: the same text as --help
run_kh help --man scan
check "man page of scan" [ "$RC" = 0 -a -n "$(echo "$OUT" | grep '^\.TH KEYHOUND\\-SCAN 1')" ]
check "the man page holds scan's options" bash -c 'echo "$1" | grep -q "stdin\\\\-path" && echo "$1" | grep -q "max\\\\-file\\\\-size"' _ "$OUT"
if command -v man >/dev/null; then
	"$KH" help --man >"$T/keyhound.1"
	check "man renders keyhound(1) with the environment section" bash -c "MANWIDTH=100 man -l '$T/keyhound.1' 2>/dev/null | grep -q KEYHOUND_CONFIG"
fi

# colour: --color beats NO_COLOR, NO_COLOR beats auto; pipes get none by default
run_kh scan "${RULES[@]}" "$T/s.txt"
check "no colour into a pipe" [ -z "$(grep -P '\x1b\[' "$T/.out")" ]
run_kh scan "${RULES[@]}" --color=always "$T/s.txt"
check "--color=always colours a pipe" grep -qP '\x1b\[' "$T/.out"
NO_COLOR=1 run_kh scan "${RULES[@]}" --color always "$T/s.txt"
check "--color=always beats NO_COLOR" grep -qP '\x1b\[' "$T/.out"
KEYHOUND_COLOR=always run_kh scan "${RULES[@]}" --color=never "$T/s.txt"
check "--color=never beats KEYHOUND_COLOR" [ -z "$(grep -P '\x1b\[' "$T/.out")" ]
run_kh scan --color=sometimes .
check "--color with a bad value: exit 2" [ "$RC" = 2 ]

# KEYHOUND_* variables
KEYHOUND_FORMAT=jsonl run_kh scan "${RULES[@]}" "$T/s.txt"
check "KEYHOUND_FORMAT=jsonl" bash -c 'echo "$1" | python3 -c "import json,sys; [json.loads(l) for l in sys.stdin]"' _ "$OUT"
KEYHOUND_FORMAT=jsonl run_kh scan "${RULES[@]}" -f json "$T/s.txt"
check "the command line beats KEYHOUND_FORMAT" bash -c 'echo "$1" | python3 -c "import json,sys; assert \"findings\" in json.load(sys.stdin)"' _ "$OUT"
KEYHOUND_FORMAT=xml run_kh scan "${RULES[@]}" "$T/s.txt"
check "a bad KEYHOUND_FORMAT: exit 2 naming it" [ "$RC" = 2 -a -n "$(echo "$ERR" | grep KEYHOUND_FORMAT)" ]
printf 'rules:\n  disable: [test-token]\n' >"$T/cfg.yml"
KEYHOUND_CONFIG=$T/cfg.yml run_kh scan "${RULES[@]}" "$T/s.txt"
check "KEYHOUND_CONFIG applies" [ "$RC" = 0 ]
KEYHOUND_NO_DEFAULT_RULES=1 KEYHOUND_RULES=/nonexistent:$T/rules run_kh rules list
check "KEYHOUND_RULES and KEYHOUND_NO_DEFAULT_RULES" [ -n "$(echo "$OUT$ERR" | grep -e test-token -e nonexistent)" ]
KEYHOUND_NO_DEFAULT_RULES=1 KEYHOUND_RULES=$T/rules run_kh scan "$T/s.txt"
check "KEYHOUND_RULES finds with the test's rules" [ "$RC" = 1 ]
KEYHOUND_SHOW_SECRETS=1 KEYHOUND_VERIFY=1 run_kh scan "${RULES[@]}" "$T/s.txt"
check "no variable shows secrets" [ -z "$(grep P1b2C3d4E5f6 "$T/.out")" ]
KEYHOUND_QUIET=1 run_kh scan "${RULES[@]}" "$T/s.txt"
check "KEYHOUND_QUIET drops the summary" [ -z "$(echo "$OUT" | grep Scanned)" ]
KEYHOUND_QUIET=0 run_kh scan "${RULES[@]}" "$T/s.txt"
check "KEYHOUND_QUIET=0 is off" [ -n "$(echo "$OUT" | grep Scanned)" ]

# progress: a plain line now and then when stderr is a log, never with --quiet/--no-progress
slow() { (printf 'a = 1\n'; sleep 1.4; printf 'b = 2\n') | KEYHOUND_PROGRESS_INTERVAL=0.5 "$KH" scan "${RULES[@]}" - "$@" 2>"$T/progress.err" >/dev/null; }
slow
check "progress lines in a log" [ "$(grep -c '^keyhound: scanning, [0-9]* s: ' "$T/progress.err")" -ge 2 ]
check "progress lines hold no terminal codes" [ -z "$(grep -P '\r|\x1b' "$T/progress.err")" ]
slow --quiet
check "no progress with --quiet" [ ! -s "$T/progress.err" ]
slow --no-progress
check "no progress with --no-progress" [ ! -s "$T/progress.err" ]

finish
