#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Naturalness versus Shannon entropy on the labelled corpus: thresholds chosen on the
tuning half, figures reported on the held-out half (recall at <=1% false-positive rate,
and the best F1). Positives: class 1 (generic assignments); negatives: every negative.
Mirrors kh_unnaturalness() in ../naturalness.c over table.h.
    python3 scanner/filter/naturalness/compare.py tests/corpus/manifest.jsonl [real-negatives.tsv]
The second file (real_negatives.py's output) adds negatives drawn from real trees, each in
its own half: the same tables on them, per kind, and with the corpus's negatives."""
import json
import math
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
nums = [int(x) for x in re.findall(r"\d+", open(os.path.join(HERE, "table.h")).read().split("= {", 1)[1])]
COST = [[nums[(a * 29 + b) * 29:(a * 29 + b) * 29 + 29] for b in range(29)] for a in range(29)]


def sym(c):
    if c.isalpha():
        return ord(c.lower()) - ord("a") + 1
    return 27 if c.isdigit() else 28


def unnatural(s):
    s = "".join(c if ord(c) < 128 else "_" for c in s)
    letters = sum(c.isalpha() for c in s)
    digits = sum(c.isdigit() for c in s)
    cost = scored = a = b = 0
    for i, c in enumerate(s):
        if not c.isalnum() or (letters >= 6 and digits <= 2 and c.isdigit()):
            a = b = 0
            continue
        if i and c.isupper() and s[i - 1].islower():
            a = b = 0
        if i and i + 1 < len(s) and c.isupper() and s[i - 1].isupper() and s[i + 1].islower():
            a = b = 0
        x = sym(c)
        cost += COST[a][b][x]
        scored += 1
        a, b = b, x
    return cost / 4 / scored if scored else 0


def entropy(s):
    n = len(s)
    return -sum(s.count(c) / n * math.log2(s.count(c) / n) for c in set(s)) if n else 0


def figures(pos, neg, t):
    tp = sum(p >= t for p in pos)
    fp = sum(v >= t for v in neg)
    rec = tp / len(pos)
    prec = tp / (tp + fp) if tp + fp else 1
    return rec, fp / len(neg), 2 * prec * rec / (prec + rec) if prec + rec else 0


# KH_GENERIC_MIN_UNNATURALNESS in ../filter.h
FLOOR = 4.5

WORDLIKE = {"identifier", "natural-value", "placeholder", "reference", "template"}


HEXLIKE = re.compile(r"^(?:[0-9A-Fa-f]+|[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12})$")


def judged(v):
    """What keyhound asks the measure about: not hex digits or a UUID (exempt: six letters
    tell neither measure anything, so the shape and the name decide)."""
    return not HEXLIKE.match(v)


def real_rows(path):
    """real_negatives.py's lines as manifest-like negatives (class: real-<kind>)"""
    rows = []
    for line in open(path, encoding="utf-8"):
        kind, split, tree, value = line.rstrip("\n").split("\t", 3)
        rows.append({"kind": "negative", "class": "real-" + kind, "split": split, "value": value, "tree": tree})
    return rows


def main():
    rows = [json.loads(l) for l in open(sys.argv[1])]
    if len(sys.argv) > 2:
        corpus = [r for r in rows if not (r["kind"] == "negative" and r.get("value"))]
        real = real_rows(sys.argv[2])
        kinds = sorted(set(r["class"] for r in real))
        for title, keep in [("real-tree negatives, all kinds", lambda r: True),
                            ("real-tree negatives, all kinds but hex, UUIDs and numbers (what the measure judges)",
                             lambda r: judged(r["value"]))] + [
                ("real-tree negatives: %s" % k[5:], (lambda k: lambda r: r["class"] == k)(k)) for k in kinds]:
            print("== " + title)
            table(corpus + real, keep)
        print("== corpus and real-tree negatives together, what the measure judges")
        table(rows + real, lambda r: judged(r["value"]), judged)
        return
    for title, keep, keep_pos in (
            ("all negatives", lambda r: True, lambda v: True),
            ("word-like negatives (%s)" % ", ".join(sorted(WORDLIKE)), lambda r: r.get("class") in WORDLIKE,
             lambda v: True),
            ("values the measure judges (no hex or UUID, positives and negatives)", lambda r: judged(r["value"]),
             judged)):
        print("== " + title)
        table(rows, keep, keep_pos)


def table(rows, keep, keep_pos=lambda v: True):
    data = {}
    for split in ("tuning", "heldout"):
        pos = [r["secret"] for r in rows if r["kind"] == "positive" and r.get("class") == 1 and r["split"] == split
               and keep_pos(r["secret"])]
        neg = [r["value"] for r in rows if r["kind"] == "negative" and r["split"] == split and r.get("value") and keep(r)]
        data[split] = (pos, neg)
    print("positives (class 1) / negatives: tuning %d/%d, held-out %d/%d" % (
        len(data["tuning"][0]), len(data["tuning"][1]), len(data["heldout"][0]), len(data["heldout"][1])))
    print("%-14s %-28s %-28s" % ("measure", "recall at <=1% FPR (held-out)", "best F1 (held-out)"))
    for name, f in (("entropy", entropy), ("naturalness", unnatural)):
        tp, tn = [f(s) for s in data["tuning"][0]], [f(s) for s in data["tuning"][1]]
        hp, hn = [f(s) for s in data["heldout"][0]], [f(s) for s in data["heldout"][1]]
        cands = sorted(set(tp + tn))
        t1 = min((t for t in cands if figures(tp, tn, t)[1] <= 0.01), default=max(cands))
        tf = max(cands, key=lambda t: figures(tp, tn, t)[2])
        r1, f1fpr, _ = figures(hp, hn, t1)
        _, fpr2, f1 = figures(hp, hn, tf)
        print("%-14s %5.1f%% (FPR %4.2f%%, t=%.2f)      %.3f (FPR %4.2f%%, t=%.2f)" % (
            name, 100 * r1, 100 * f1fpr, t1, f1, 100 * fpr2, tf))
        if name == "naturalness":
            r, fpr, f1 = figures(hp, hn, FLOOR)
            print("%-14s recall %5.1f%%, FPR %4.2f%%, F1 %.3f at the floor in use (t=%.1f, held-out)" % (
                "", 100 * r, 100 * fpr, f1, FLOOR))


if __name__ == "__main__":
    main()
