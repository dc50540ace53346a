#!/usr/bin/env python3
"""Measure keyhound against the labelled corpus (tests/corpus/manifest.jsonl).

  python3 tests/corpus/measure.py --keyhound build/keyhound [--misses FILE] [--split tuning|heldout]
         [--findings FILE] [--json FILE]

Scans tests/corpus/tree with `keyhound scan --format jsonl --show-secrets --min-confidence low`
under an empty configuration (so the repository's own .keyhound.yml allowlist does not apply),
then prints, per class, positives found / total (recall) and negatives flagged / total
(false-alarm rate), the generic class split into its tuning and held-out halves, and totals.
Misses (positives not found, negatives flagged, findings on no labelled line) go to --misses
(default: corpus-misses.txt in the current directory).

A positive is found when a finding at its file has a secret that contains the expected value
(or one of its accepted spellings, `alt`), or, for multi-part credentials (`multipart`), a
secret of at least 8 characters contained in the expected value.
A negative is flagged when a finding at its file covers its line or overlaps its value.
"""
import argparse
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TREE = os.path.join(HERE, "tree")


def load_manifest():
    with open(os.path.join(HERE, "manifest.jsonl"), encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def scan(keyhound, findings_out=None):
    with tempfile.TemporaryDirectory() as tmp:
        cfg = os.path.join(tmp, "empty.yml")
        with open(cfg, "w") as f:
            f.write("# measure.py: no allowlist\n")
        out = os.path.join(tmp, "findings.jsonl")
        # a copy outside keyhound's work tree: its files sit at pos/... and neg/..., as in
        # a repository of their own, not under keyhound's tests/ (a test-fixture folder)
        tree = os.path.join(tmp, "tree")
        shutil.copytree(TREE, tree, symlinks=True)
        cmd = [keyhound, "scan", tree, "--format", "jsonl", "--show-secrets", "--min-confidence", "low",
               "--config", cfg, "--output", out, "--no-progress"]
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if p.returncode not in (0, 1):
            sys.stderr.write(p.stderr.decode("utf-8", "replace"))
            raise SystemExit("measure.py: keyhound exited %d: %s" % (p.returncode, " ".join(cmd)))
        with open(out, encoding="utf-8") as f:
            text = f.read()
        if findings_out:
            with open(findings_out, "w", encoding="utf-8") as f:
                f.write(text)
    findings = []
    for line in text.splitlines():
        if line.strip():
            findings.append(json.loads(line))
    return findings


def rel(finding):
    p = finding.get("root_path") or finding.get("path") or ""
    tree = TREE.rstrip("/") + "/"
    if p.startswith(tree):
        p = p[len(tree):]
    for prefix in ("tests/corpus/tree/", "tree/"):
        i = p.find(prefix)
        if i >= 0 and not p.startswith(("pos/", "neg/")):
            p = p[i + len(prefix):]
    return p


def found(e, fs):
    want = [e["secret"]] + list(e.get("alt") or [])
    for f in fs:
        s = f.get("secret") or ""
        if any(w and w in s for w in want):
            return f
        if e.get("multipart") and len(s) >= 8 and any(s in w for w in want):
            return f
    return None


def flagged(e, fs):
    v = e["value"]
    for f in fs:
        s = f.get("secret") or ""
        lo, hi = f.get("line") or 0, f.get("end_line") or f.get("line") or 0
        if lo <= e["line"] <= hi:
            return f
        if len(s) >= 8 and (s in v or v in s):
            return f
    return None


def pct(a, b):
    return "%5.1f%%" % (100.0 * a / b) if b else "    -"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--keyhound", required=True, help="path to the keyhound binary")
    ap.add_argument("--misses", default="corpus-misses.txt", help="where to write the misses")
    ap.add_argument("--findings", help="also keep keyhound's raw findings (jsonl) here")
    ap.add_argument("--from-findings", help="measure a saved findings file instead of scanning")
    ap.add_argument("--split", choices=["tuning", "heldout"], help="only entries of this half")
    ap.add_argument("--json", help="write the figures as JSON here")
    ap.add_argument("--by-provider", action="store_true", help="also list the providers with misses, most first")
    a = ap.parse_args()

    entries = load_manifest()
    if a.split:
        entries = [e for e in entries if e["split"] == a.split]
    if a.from_findings:
        with open(a.from_findings, encoding="utf-8") as f:
            findings = [json.loads(l) for l in f if l.strip()]
    else:
        findings = scan(a.keyhound, a.findings)
    by_path = collections.defaultdict(list)
    for f in findings:
        by_path[rel(f)].append(f)

    pos_total, pos_found = collections.Counter(), collections.Counter()
    neg_total, neg_flag = collections.Counter(), collections.Counter()
    kind_total, kind_flag = collections.Counter(), collections.Counter()
    gen = collections.Counter()
    misses, alarms = [], []
    used = set()
    for e in entries:
        fs = by_path.get(e["path"], [])
        if e["kind"] == "positive":
            k = str(e["class"])
            pos_total[k] += 1
            f = found(e, fs)
            if e["class"] == 1:
                gen[(e["split"], "pos")] += 1
            if f:
                pos_found[k] += 1
                used.add(id(f))
                if e["class"] == 1:
                    gen[(e["split"], "found")] += 1
            else:
                misses.append(e)
        else:
            k = str(e["against"])
            neg_total[k] += 1
            kind_total[e["class"]] += 1
            gen[(e["split"], "neg")] += 1
            f = flagged(e, fs)
            if f:
                neg_flag[k] += 1
                kind_flag[e["class"]] += 1
                gen[(e["split"], "flagged")] += 1
                used.add(id(f))
                alarms.append((e, f))
    labelled = {e["path"] for e in entries}
    stray = [f for f in findings if id(f) not in used and rel(f).startswith("neg/")]

    names = {"1": "generic assignments", "2": "real values, placeholder words", "3": "real prefix, short runs / placeholders",
             "4": "credential files", "5": "password hashes", "6": "framework secrets", "7": "older/alternative formats",
             "8": "encodings", "9": "long tail"}
    print("%-42s %15s %7s   %15s %7s" % ("class", "found/total", "recall", "flagged/total", "FA rate"))
    for k in sorted(set(pos_total) | set(neg_total)):
        print("%-42s %15s %7s   %15s %7s" % ("%s %s" % (k, names.get(k, "")), "%d/%d" % (pos_found[k], pos_total[k]), pct(pos_found[k], pos_total[k]),
                                            "%d/%d" % (neg_flag[k], neg_total[k]), pct(neg_flag[k], neg_total[k])))
    tp, tt = sum(pos_found.values()), sum(pos_total.values())
    nf, nt = sum(neg_flag.values()), sum(neg_total.values())
    print("%-42s %15s %7s   %15s %7s" % ("total", "%d/%d" % (tp, tt), pct(tp, tt), "%d/%d" % (nf, nt), pct(nf, nt)))
    print()
    print("generic class by half (positives: class 1; negatives: all):")
    for s in ("tuning", "heldout"):
        print("  %-8s recall %4d/%-4d %7s   false alarms %4d/%-4d %7s" % (s, gen[(s, "found")], gen[(s, "pos")], pct(gen[(s, "found")], gen[(s, "pos")]),
                                                                        gen[(s, "flagged")], gen[(s, "neg")], pct(gen[(s, "flagged")], gen[(s, "neg")])))
    print()
    print("negatives by kind:")
    for k in sorted(kind_total):
        print("  %-22s %5d/%-5d %7s" % (k, kind_flag[k], kind_total[k], pct(kind_flag[k], kind_total[k])))
    provs = {e["provider"] for e in entries if e["kind"] == "positive"}
    found_provs = {e["provider"] for e in entries if e["kind"] == "positive" and e not in misses}
    print()
    print("providers with a positive: %d; with at least one found: %d; findings on unlabelled lines of negative files: %d"
          % (len(provs), len(found_provs), len(stray)))

    if a.by_provider:
        per = collections.Counter(e["provider"] for e in misses)
        tot = collections.Counter(e["provider"] for e in entries if e["kind"] == "positive")
        print()
        print("providers with misses (missed/total):")
        for p, n in sorted(per.items(), key=lambda t: (-t[1], t[0])):
            print("  %-32s %d/%d" % (p, n, tot[p]))
    with open(a.misses, "w", encoding="utf-8") as f:
        f.write("# positives not found (class, id, path:line, provider, expected)\n")
        for e in sorted(misses, key=lambda e: (str(e["class"]), e["id"])):
            got = ",".join(sorted({x["rule_id"] for x in by_path.get(e["path"], [])}))
            f.write("MISS c%s %s %s:%d %s %s%s\n" % (e["class"], e["id"], e["path"], e["line"], e["provider"], e["secret"][:80],
                                                   ("  [file had: %s]" % got) if got else ""))
        f.write("# negatives flagged (against, id, path:line, kind, rule, secret)\n")
        for e, x in sorted(alarms, key=lambda t: t[0]["id"]):
            f.write("ALARM c%s %s %s:%d %s %s %s\n" % (e["against"], e["id"], e["path"], e["line"], e["class"], x.get("rule_id"), (x.get("secret") or "")[:80]))
        f.write("# findings on no labelled line of a negative file\n")
        for x in stray:
            f.write("STRAY %s:%s %s %s\n" % (rel(x), x.get("line"), x.get("rule_id"), (x.get("secret") or "")[:80]))
    print("misses, alarms and stray findings written to %s" % a.misses)
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"positives": {k: [pos_found[k], pos_total[k]] for k in pos_total},
                       "negatives": {k: [neg_flag[k], neg_total[k]] for k in neg_total},
                       "generic_split": {"%s_%s" % k: v for k, v in gen.items()}}, f, indent=1, sort_keys=True)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:
        sys.exit(1)
