#!/usr/bin/env python3
"""Fail if the labelled corpus and the rules' own test strings share a string.

The corpus is written independently of the rules (issue 14): a rule's `examples` must not be
corpus strings, or the corpus would measure the rules on their own test cases.

  python3 tests/corpus/no_rule_examples.py [PATTERNS_DIR]

Fails (exit 1) when
  * a corpus positive's secret (8 characters or more; dictionary-weak passwords of credential
    files excepted) occurs in a rule's `examples` or `negative_examples`;
  * a corpus negative's value (12 characters or more; names and words excepted) occurs in a
    rule's `examples`;
  * a line of a rule's `examples` equals a labelled line of the corpus (the line holding a
    positive's secret or a negative's value).
Reports without failing: corpus negatives that a rule also lists in `negative_examples`
(providers' documented example tokens are public facts both sides may name).
Exit 77 (skipped) when PyYAML is not installed.
"""
import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# negatives that are names and words (`refresh_token`, `X-Api-Key`): a rule's example may use them
# as the name its secret is assigned to
NAME_LIKE = {"natural-value", "identifier", "reference"}


def texts(item):
    if isinstance(item, str):
        return [item]
    if isinstance(item, dict):
        return [str(item.get("text", ""))]
    return []


def main():
    try:
        import yaml
    except ImportError:
        print("no_rule_examples.py: PyYAML is not installed (python3-yaml); skipped")
        return 77
    pdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "patterns")
    files = sorted(glob.glob(os.path.join(pdir, "*.yml")) + glob.glob(os.path.join(pdir, "*.yaml")))
    if not files:
        print("no_rule_examples.py: no rule files in %s" % pdir)
        return 1
    pos_ex, neg_ex = [], []   # (rule id, text)
    for path in files:
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f) or {}
        for rule in doc.get("rules", []) or []:
            rid = rule.get("id", "?")
            for it in rule.get("examples", []) or []:
                pos_ex += [(rid, t) for t in texts(it)]
            for it in rule.get("negative_examples", []) or []:
                neg_ex += [(rid, t) for t in texts(it)]
    with open(os.path.join(HERE, "manifest.jsonl"), encoding="utf-8") as f:
        entries = [json.loads(l) for l in f if l.strip()]

    all_pos = "\x00".join(t for _, t in pos_ex)
    all_neg = "\x00".join(t for _, t in neg_ex)

    def who(s, exs):
        return sorted({rid for rid, t in exs if s in t})

    bad, notes = [], []
    for e in entries:
        if e["kind"] == "positive":
            if e.get("weak"):
                continue
            for s in [e["secret"]] + list(e.get("alt") or []):
                if len(s) >= 8 and (s in all_pos or s in all_neg):
                    bad.append("%s: secret %r is in the examples of %s" % (e["id"], s[:60], ", ".join(who(s, pos_ex + neg_ex))))
        else:
            s = e["value"]
            if e["class"] in NAME_LIKE:
                continue
            if len(s) >= 12 and s in all_pos:
                bad.append("%s: negative %r is a positive example of %s" % (e["id"], s[:60], ", ".join(who(s, pos_ex))))
            elif len(s) >= 12 and s in all_neg:
                notes.append("%s %r is also a negative example of %s" % (e["class"], s[:60], ", ".join(who(s, neg_ex))))

    # the labelled lines of the corpus (boilerplate lines around them may be shared freely)
    lines, cache = set(), {}
    for e in entries:
        full = os.path.join(HERE, "tree", e["path"])
        if full not in cache:
            with open(full, "rb") as f:
                data = f.read()
            text = data[2:].decode("utf-16-le", "replace") if data[:2] == b"\xff\xfe" else data.decode("utf-8", "replace")
            cache[full] = text.splitlines()
        ls = cache[full]
        if 0 < e["line"] <= len(ls) and len(ls[e["line"] - 1].strip()) >= 12:
            lines.add(ls[e["line"] - 1].strip())
    for rid, t in pos_ex:
        for l in t.splitlines():
            if len(l.strip()) >= 12 and l.strip() in lines:
                bad.append("rule %s: example line %r is a line of the corpus" % (rid, l.strip()[:60]))

    for n in sorted(set(notes)):
        print("note: %s (%d entries)" % (n, notes.count(n)))
    for b in bad:
        print("FAIL: " + b)
    print("%d rule files, %d examples, %d negative examples, %d corpus entries: %d shared strings"
          % (len(files), len(pos_ex), len(neg_ex), len(entries), len(bad)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
