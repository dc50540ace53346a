# SPDX-License-Identifier: Apache-2.0
# The fleet (fleet/alpha, fleet/beta) and rules (rules/) of tests/sweep/state-v0.1.0.sql, the
# same commit ids every time (fixed dates): sourced in the current folder.
export GIT_AUTHOR_NAME=Dev GIT_AUTHOR_EMAIL=dev@example.com GIT_COMMITTER_NAME=Dev \
	GIT_COMMITTER_EMAIL=dev@example.com GIT_CONFIG_NOSYSTEM=1 HOME="$PWD" \
	GIT_AUTHOR_DATE='2026-11-01T02:00:00Z' GIT_COMMITTER_DATE='2026-11-01T02:00:00Z'
git config --global init.defaultBranch main
mkdir -p rules fleet
cat >rules/test.yml <<'YML'
rules:
  - id: test-token
    name: Test token
    pattern: '\b(tok_[A-Za-z0-9]{24})\b'
    severity: high
    confidence: high
    examples: ['t = tok_A1b2C3d4E5f6G7h8I9j0K1l2', 'tok_Q1b2C3d4E5f6G7h8I9j0K1l2']
    negative_examples: ['tok_short', 'xtok_A1b2C3d4E5f6G7h8I9j0K1l2']
YML
for r in alpha beta; do
	git init -q "fleet/$r"
	printf '%s\n' "$r" >"fleet/$r/README"
	git -C "fleet/$r" add -A && git -C "fleet/$r" commit -qm one
done
printf 'a = tok_Oo9Zq8Lm2Vx7Rt4Nw9Ky3H01\n' >fleet/alpha/one.py
git -C fleet/alpha add -A && git -C fleet/alpha commit -qm "first secret"
