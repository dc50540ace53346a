#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Checks that keyhound found every planted secret of a corpus.

    check_planted.py [--label NAME] MANIFEST FINDINGS.jsonl [--git] [--secretlint ROOT]

MANIFEST (from the corpus builders): "path<TAB>line<TAB>rule" (source), or with --git
"commit<TAB>path<TAB>line<TAB>rule<TAB>in_head|history"; path "(commit message)" means the
secret is in that commit's message. A planted secret is found when a finding has the same
path and line (git: and, for a commit message, the same commit). A found secret reported
under another rule id, or (git) with another commit, is listed but counts as found.
Prints one summary line, then one line per miss or difference. Exit 1 when one is missed.
"""
import argparse
import json
import os
import sys


def read_findings(path, secretlint_root):
    """keyhound's jsonl, or secretlint's json turned into the same fields."""
    with open(path, errors="replace") as f:
        if secretlint_root is None:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                try:
                    yield json.loads(line)
                except ValueError:
                    continue
            return
        try:
            results = json.load(f)
        except ValueError:
            return
    root = os.path.realpath(secretlint_root)
    for r in results:
        p = os.path.relpath(os.path.realpath(r.get("filePath", "")), root)
        for m in r.get("messages", []):
            yield {"path": p, "line": m.get("loc", {}).get("start", {}).get("line"),
                   "rule_id": m.get("messageId")}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("manifest")
    ap.add_argument("findings")
    ap.add_argument("--git", action="store_true")
    ap.add_argument("--label", default=None)
    ap.add_argument("--secretlint", metavar="ROOT", default=None,
                    help="FINDINGS is secretlint's --format json output, paths under ROOT")
    a = ap.parse_args()

    by_loc = {}
    n_findings = 0
    for o in read_findings(a.findings, a.secretlint):
        if True:
            n_findings += 1
            if o.get("commit_message"):
                key = ("(commit message)", o.get("commit"))
            else:
                key = (o.get("path"), o.get("line"))
            by_loc.setdefault(key, []).append(o)

    planted = []
    with open(a.manifest) as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if a.git:
                planted.append({"commit": p[0], "path": p[1], "line": int(p[2]), "rule": p[3],
                                "in_head": p[4] == "in_head"})
            else:
                planted.append({"path": p[0], "line": int(p[1]), "rule": p[2]})

    missed, notes = [], []
    for s in planted:
        if s["path"] == "(commit message)":
            hits = by_loc.get(("(commit message)", s["commit"]), [])
        else:
            hits = by_loc.get((s["path"], s["line"]), [])
        where = "%s:%d" % (s["path"], s["line"])
        if not hits:
            missed.append("  MISSED %s (%s)%s" % (where, s["rule"],
                                                  " in " + s["commit"][:12] if a.git else ""))
            continue
        rules = sorted({h.get("rule_id") for h in hits})
        if s["rule"] not in rules:
            notes.append("  found %s as %s (manifest says %s)" % (where, ",".join(map(str, rules)),
                                                                  s["rule"]))
        if a.git and s["path"] != "(commit message)":
            commits = {h.get("commit") for h in hits}
            if s["commit"] not in commits:
                notes.append("  found %s in commit %s (planted in %s)"
                             % (where, ",".join(str(c)[:12] for c in commits), s["commit"][:12]))
    label = a.label or a.manifest
    print("planted secrets, %s: %d of %d found (%d findings in all)%s"
          % (label, len(planted) - len(missed), len(planted), n_findings,
             "" if not missed else " -- %d MISSED" % len(missed)))
    for line in missed + notes:
        print(line)
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
