#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Naturalness measures versus Shannon entropy on the labelled corpus: thresholds chosen on
the tuning half, figures reported on the held-out half (recall at <=1% false-positive rate,
and the best F1). Positives: class 1 (generic assignments); negatives: every negative.
Measures: entropy; the character-trigram model (mirrors kh_unnaturalness() in
../naturalness.c over table.h); and byte-pair tokens under cl100k_base, as tokens per byte
and as bits per byte (mirror kh_bpe_rate() and kh_bpe_bits() over cl100k.tokens).
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


# The byte-pair measure: mirrors kh_bpe_tokens() / kh_bpe_rate() / kh_bpe_bits() in
# ../naturalness.c over the same vocabulary file (cl100k.tokens: a length byte and the bytes
# of each token of two or more bytes, in rank order). Checked on load against the counts
# the npm package gpt-tokenizer gave for the unit test's strings (tests/unit/bpe_counts.h).
BPE_MAX_VALUE = 512


def load_bpe():
    data = open(os.path.join(HERE, "cl100k.tokens"), "rb").read()
    ranks, i = {}, 0
    while i < len(data):
        n = data[i]
        ranks[data[i + 1:i + 1 + n]] = len(ranks)
        i += 1 + n
    return ranks


BPE = load_bpe()


def bpe_pieces(s):
    """cl100k_base's split pattern, every byte >= 0x80 read as a letter (bpe_piece_end)"""
    letter = lambda c: 65 <= c <= 90 or 97 <= c <= 122 or c >= 0x80
    digit = lambda c: 48 <= c <= 57
    space = lambda c: c == 32 or 9 <= c <= 13
    newline = lambda c: c in (10, 13)
    n, i = len(s), 0
    while i < n:
        c, j = s[i], i + 1
        if c == 39 and j < n and s[j:j + 2].lower() in (b"re", b"ve", b"ll"):
            j = i + 3
        elif c == 39 and j < n and s[j:j + 1].lower() in (b"s", b"t", b"m", b"d"):
            j = i + 2
        elif letter(c) or (not newline(c) and not digit(c) and j < n and letter(s[j])):
            while j < n and letter(s[j]):
                j += 1
        elif digit(c):
            while j < n and j < i + 3 and digit(s[j]):
                j += 1
        elif not space(c) or (c == 32 and j < n and not space(s[j]) and not letter(s[j]) and not digit(s[j])):
            j = i + 1 if c == 32 else i
            while j < n and not space(s[j]) and not letter(s[j]) and not digit(s[j]):
                j += 1
            while j < n and newline(s[j]):
                j += 1
        else:
            k, nl = i, 0
            while k < n and space(s[k]):
                k += 1
                if newline(s[k - 1]):
                    nl = k
            j = nl if nl else k if k == n or k - i == 1 else k - 1
        yield s[i:j]
        i = j


def bpe_tokens(s):
    """the tokens of the first BPE_MAX_VALUE bytes of s (tiktoken's byte_pair_merge)"""
    b = s.encode("utf-8") if isinstance(s, str) else s
    out = []
    for p in bpe_pieces(b[:BPE_MAX_VALUE]):
        if len(p) < 2 or p in BPE:
            out.append(p)
            continue
        at = list(range(len(p) + 1))
        while len(at) > 2:
            pairs = [(BPE.get(p[at[i]:at[i + 2]], math.inf), i) for i in range(len(at) - 2)]
            r, i = min(pairs)
            if r == math.inf:
                break
            del at[i + 1]
        out += [p[at[i]:at[i + 1]] for i in range(len(at) - 1)]
    return out


def bpe_rate(s):
    n = min(len(s.encode("utf-8")), BPE_MAX_VALUE)
    return len(bpe_tokens(s)) / n if n else 0


def bpe_bits(s):
    n = min(len(s.encode("utf-8")), BPE_MAX_VALUE)
    return sum(8.0 if len(t) == 1 else math.log2(BPE[t] + 512) for t in bpe_tokens(s)) / n if n else 0


def check_bpe():
    text = open(os.path.join(HERE, "..", "..", "..", "tests", "unit", "bpe_counts.h"), encoding="utf-8").read()
    for lit, count in re.findall(r'\{("(?:[^"\\]|\\.)*"), (\d+)\}', text):
        s = re.sub(rb"\\([0-7]{3})", lambda m: bytes([int(m.group(1), 8)]), lit[1:-1].encode())
        assert len(bpe_tokens(s)) == int(count), (s, len(bpe_tokens(s)), count)


check_bpe()


def entropy(s):
    n = len(s)
    return -sum(s.count(c) / n * math.log2(s.count(c) / n) for c in set(s)) if n else 0


def figures(pos, neg, t):
    tp = sum(p >= t for p in pos)
    fp = sum(v >= t for v in neg)
    rec = tp / len(pos)
    prec = tp / (tp + fp) if tp + fp else 1
    return rec, fp / len(neg), 2 * prec * rec / (prec + rec) if prec + rec else 0


MEASURES = (("entropy", entropy), ("trigram", unnatural), ("bpe-tokens", bpe_rate), ("bpe-bits", bpe_bits))
# the floors in use (../filter.h): KH_GENERIC_MIN_UNNATURALNESS, KH_GENERIC_MIN_BPE_BITS
FLOOR = {"trigram": 4.5}

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
    print("%-14s %-32s %-28s" % ("measure", "recall at <=1% FPR (held-out)", "best F1 (held-out)"))
    for name, f in MEASURES:
        tp, tn = [f(s) for s in data["tuning"][0]], [f(s) for s in data["tuning"][1]]
        hp, hn = [f(s) for s in data["heldout"][0]], [f(s) for s in data["heldout"][1]]
        cands = sorted(set(tp + tn))
        t1 = min((t for t in cands if figures(tp, tn, t)[1] <= 0.01), default=max(cands))
        tf = max(cands, key=lambda t: figures(tp, tn, t)[2])
        r1, f1fpr, _ = figures(hp, hn, t1)
        _, fpr2, f1 = figures(hp, hn, tf)
        print("%-14s %5.1f%% (FPR %4.2f%%, t=%.3f)         %.3f (FPR %4.2f%%, t=%.3f)" % (
            name, 100 * r1, 100 * f1fpr, t1, f1, 100 * fpr2, tf))
        if name in FLOOR:
            r, fpr, f1 = figures(hp, hn, FLOOR[name])
            print("%-14s recall %5.1f%%, FPR %4.2f%%, F1 %.3f at the floor in use (t=%.2f, held-out)" % (
                "", 100 * r, 100 * fpr, f1, FLOOR[name]))


if __name__ == "__main__":
    main()
