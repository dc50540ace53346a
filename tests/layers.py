#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The layering check (DESIGN "Layers"), on the built objects: every undefined symbol of
an object under scanner/ is resolved to the folder that defines it, and a call that climbs
(to a folder above) or circles (folders calling each other, directly or round a loop)
fails. Usage: layers.py OBJECT_DIR  (the library's CMakeFiles/<target>.dir)."""
import os, subprocess, sys

# top to bottom; folders on one line are one layer
LAYERS = [["cli"], ["sweep"], ["engine"], ["pipeline"], ["source", "verify", "net"],
          ["decode"], ["match", "report"], ["rules", "filter"], ["core"]]
RANK = {f: i for i, layer in enumerate(LAYERS) for f in layer}

def folder(obj, root):
    rel = os.path.relpath(obj, root).split(os.sep)
    rel = rel[rel.index("scanner") + 1:] if "scanner" in rel else rel
    return rel[0] if len(rel) > 1 else os.path.splitext(os.path.splitext(rel[0])[0])[0]

def nm(args, obj):
    out = subprocess.run(["nm"] + args + [obj], capture_output=True, text=True, check=True).stdout
    return [l.split()[-1] for l in out.splitlines() if l.strip()]

def main():
    root = sys.argv[1]
    objs = [os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith(".o")]
    if not objs:
        print("layers: no objects under " + root)
        return 2
    owner, calls = {}, {}
    for o in objs:
        f = folder(o, root)
        if f not in RANK:
            print("layers: %s is in no layer (add its folder to LAYERS and DESIGN)" % o)
            return 1
        for s in nm(["--defined-only", "-g"], o):
            owner[s] = f
    for o in objs:
        f = folder(o, root)
        for s in nm(["-u"], o):
            g = owner.get(s)
            if g and g != f:
                calls.setdefault((f, g), set()).add(s)
    bad = []
    for (f, g), syms in sorted(calls.items()):
        if RANK[g] < RANK[f]:
            bad.append("%s calls up into %s: %s" % (f, g, ", ".join(sorted(syms)[:5])))
    # circles between folders (same layer, or through a climbing call)
    edges = {}
    for f, g in calls:
        edges.setdefault(f, set()).add(g)
    def reach(a, b, seen):
        for n in edges.get(a, ()):
            if n == b or (n not in seen and (seen.add(n) or reach(n, b, seen))):
                return True
        return False
    for f, g in sorted(calls):
        if RANK[g] == RANK[f] and reach(g, f, set()):
            bad.append("%s and %s call each other in a circle: %s" %
                       (f, g, ", ".join(sorted(calls[(f, g)])[:5])))
    for b in bad:
        print("layers: " + b)
    print("layers: %d folders, %d calls between folders, %d problems" %
          (len({folder(o, root) for o in objs}), len(calls), len(bad)))
    return 1 if bad else 0

sys.exit(main())
