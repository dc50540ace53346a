# SPDX-License-Identifier: Apache-2.0
# The keyword gate (patterns/README.md): a rule with keywords is scanned as its
# keywords, and its pattern is confirmed only near one; rules check and rules list know it.
. "$(dirname "$0")/lib.sh"

mkdir -p "$T/rules" "$T/bad" "$T/tree"
cat >"$T/rules/acme.yml" <<'YML'
rules:
  - id: acme-api-key
    name: Acme API key
    pattern: '\b([A-Za-z0-9]{40})\b'
    keywords: [acme, ACME_TOKEN]
    min_entropy: 3.5
    severity: high
    confidence: medium
    examples:
      - 'ACME_TOKEN=Qm3vT8zLw2Rk9Hc5Yp1Xn7Fd4Gs6Jb0Ua2Ve8Wt3'
      - "# acme client\nclient.key = 'Qm3vT8zLw2Rk9Hc5Yp1Xn7Fd4Gs6Jb0Ua2Ve8Wt3'"
    negative_examples:
      - 'build_id = Qm3vT8zLw2Rk9Hc5Yp1Xn7Fd4Gs6Jb0Ua2Ve8Wt3'
      - 'ACME_TOKEN=Qm3vT8zLw2Rk9Hc5'
YML
run_kh rules check "$T/rules"
check "rules check passes a gated rule whose examples hold a keyword" [ "$RC" = 0 ]

# an example without a keyword near its value is not found: rules check says so
sed 's/ACME_TOKEN=Qm3v/TOKEN=Qm3v/' "$T/rules/acme.yml" >"$T/bad/acme.yml"
run_kh rules check "$T/bad"
check "rules check fails when an example has no keyword" \
	bash -c "[ $RC = 1 ] && grep -q 'acme-api-key.*example 1 is not found' <<<'$ERR'"

"$KH" rules list --no-default-rules --rules "$T/rules" --format jsonl >"$T/rules.jsonl"
check "rules list --format jsonl shows the keywords" jsonl_check \
	'fs[0]["id"]=="acme-api-key" and fs[0]["keywords"]==["acme","ACME_TOKEN"]' "$T/rules.jsonl"

# a keyword in any case, before or after the value; the same value far from one is quiet
V=Hx4Nc8Tq2Wm6Zr0Lv3Bj7Kp5Ds9Fy1Ga4Eu8Ci2O
{
	echo "settings:"
	echo "  Acme: {key: $V}"
	printf 'id: %s\n' "$V"
	for i in $(seq 1 10); do echo "# padding line $i of a long file, nothing here"; done
	echo "  other: $V"
} >"$T/tree/config.yml"
run_kh scan --no-default-rules --rules "$T/rules" "$T/tree" --format jsonl
echo "$OUT" >"$T/found.jsonl"
check "a value near a keyword is found, one far from any is not" jsonl_check \
	'sorted(f["line"] for f in fs)==[2,3] and all(f["rule_id"]=="acme-api-key" for f in fs)' "$T/found.jsonl"
check "the gated finding is redacted" bash -c "! grep -q '$V' '$T/found.jsonl'"

# factor: Hyperscan scans it in the pattern's place; rules check proves it is a part of
# every match in the examples
mkdir -p "$T/factor" "$T/badfactor"
cat >"$T/factor/dots.yml" <<'YML'
rules:
  - id: dotted-token
    name: Dotted token
    pattern: '\b([MNO][A-Za-z0-9]{10}\.[A-Za-z0-9]{6}\.[A-Za-z0-9]{12})\b'
    factor: '\.[A-Za-z0-9]{6}\.'
    severity: high
    confidence: medium
    examples:
      - 'TOKEN=Mx7Kq2Lp9Zr.T4bW8n.Q3vH6jK1mN0c'
      - 'run("Nq2Lp9Zr4Tb.W8nQ3v.H6jK1mN0cX5r")'
    negative_examples:
      - 'Ax7Kq2Lp9Zr.T4bW8n.Q3vH6jK1mN0c'
      - 'Mx7Kq2Lp9Zr.T4bW8n'
YML
run_kh rules check "$T/factor"
check "rules check passes a rule whose factor is in every match" [ "$RC" = 0 ]
"$KH" rules list --no-default-rules --rules "$T/factor" --format jsonl >"$T/factor.jsonl"
check "rules list --format jsonl shows the factor" jsonl_check \
	'fs[0]["factor"]=="\\.[A-Za-z0-9]{6}\\."' "$T/factor.jsonl"
sed "s/factor: .*/factor: 'T4bW8n'/" "$T/factor/dots.yml" >"$T/badfactor/dots.yml"
run_kh rules check "$T/badfactor"
check "rules check fails a factor that is not a part of every match" \
	bash -c "[ $RC = 1 ] && grep -q 'dotted-token: a match of the pattern in example 2 holds no match of the factor' <<<'$ERR'"

finish
