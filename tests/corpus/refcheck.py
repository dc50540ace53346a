#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The corpus references checked against the providers' documents (refcheck.tsv): every row
names a format of formats.py (or, with template "-", a provider of the manifest) and a known
verdict; prints the tally by verdict and how many of the long tail's formats are checked.
    python3 tests/corpus/refcheck.py"""
import collections
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
VERDICTS = {"confirmed", "fixed-ref", "fixed", "not-found"}


def main():
    sys.path.insert(0, HERE)
    import formats
    table = [l.split("|") for l in formats.TABLE.strip().splitlines() if l and not l.startswith("#")]
    tail = {(p, t) for p, t, *_ in table}
    providers = {json.loads(l)["provider"] for l in open(os.path.join(HERE, "manifest.jsonl"))
                 if '"positive"' in l}
    rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(HERE, "refcheck.tsv"))
            if l.strip() and not l.startswith("#")][1:]
    bad = 0
    seen = set()
    for r in rows:
        if len(r) != 5 or r[2] not in VERDICTS:
            print("refcheck.tsv: malformed row: %r" % (r,))
            bad += 1
            continue
        key = (r[0], r[1])
        if key in seen:
            print("refcheck.tsv: %s|%s twice" % key)
            bad += 1
        seen.add(key)
        if r[1] == "-" and r[0] not in providers or r[1] != "-" and key not in tail:
            print("refcheck.tsv: %s|%s is not a format of the corpus" % key)
            bad += 1
        if r[2] != "not-found" and not r[4].startswith("http"):
            print("refcheck.tsv: %s|%s: a verdict other than not-found needs the provider's page" % key)
            bad += 1
    tally = collections.Counter(r[2] for r in rows if len(r) == 5)
    checked_tail = sum(1 for k in seen if k in tail)
    print("checked %d formats: %s" % (len(rows), ", ".join("%s %d" % (v, tally[v]) for v in sorted(tally))))
    print("long tail (formats.py): %d of %d formats checked" % (checked_tail, len(tail)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
