#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The layering check (DESIGN "Layers"), on the built library: every undefined symbol of
each of its objects is resolved to the folder that defines it, and a call that climbs (to
a folder above) or circles (folders of one layer calling each other, directly or round a
loop) fails. Usage: layers.py LIBRARY.a SCANNER_DIR"""
import os, subprocess, sys

# top to bottom; folders on one line are one layer
# (net sits below verify, which calls it: DESIGN drew them on one line)
LAYERS = [["cli"], ["sweep"], ["engine"], ["pipeline"], ["source", "verify"], ["net"],
          ["decode"], ["match", "report"], ["rules", "filter"], ["core"]]
RANK = {f: i for i, layer in enumerate(LAYERS) for f in layer}

def folders_of_sources(scanner):
    """object name (fs.c.o) -> folder (source), from the source tree"""
    out = {}
    for d, _, fs in os.walk(scanner):
        rel = os.path.relpath(d, scanner)
        for f in fs:
            if f.endswith(".c"):
                name = f + ".o"
                if name in out:
                    sys.exit("layers: two sources named %s: the check cannot tell them apart" % f)
                out[name] = os.path.splitext(f)[0] if rel == "." else rel.split(os.sep)[0]
    return out

def symbols(lib):
    """object -> (defined, undefined) global symbols, from nm over the archive"""
    out = {}
    text = subprocess.run(["nm", "-A", lib], capture_output=True, text=True, check=True).stdout
    for line in text.splitlines():
        # libkeyhound.a:fs.c.o:0000000000000000 T keyhound_scan_paths  /  ...:  U kh_malloc
        head, _, rest = line.rpartition(":")
        parts = rest.split()
        if len(parts) < 2:
            continue
        obj = head.split(":")[-1]
        kind, sym = parts[-2], parts[-1]
        d, u = out.setdefault(obj, (set(), set()))
        if kind == "U":
            u.add(sym)
        elif kind.isupper():
            d.add(sym)
    return out

def main():
    lib, scanner = sys.argv[1], sys.argv[2]
    where = folders_of_sources(scanner)
    syms = symbols(lib)
    if not syms:
        print("layers: no objects in " + lib)
        return 2
    owner, calls = {}, {}
    for o, (defined, _) in syms.items():
        f = where.get(o)
        if f not in RANK:
            print("layers: %s (%s) is in no layer (add its folder to LAYERS and DESIGN)" % (o, f))
            return 1
        for s in defined:
            owner[s] = f
    for o, (_, undefined) in syms.items():
        f = where[o]
        for s in undefined:
            g = owner.get(s)
            if g and g != f:
                calls.setdefault((f, g), set()).add(s)
    bad = []
    for (f, g), names in sorted(calls.items()):
        if RANK[g] < RANK[f]:
            bad.append("%s calls up into %s: %s" % (f, g, ", ".join(sorted(names)[:5])))
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
    print("layers: %d objects, %d folder-to-folder dependencies, %d problems" %
          (len(syms), len(calls), len(bad)))
    return 1 if bad else 0

sys.exit(main())
