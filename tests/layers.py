#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The layering check (DESIGN "Layers"), on the built library: every undefined symbol of
each of its objects is resolved to the folder that defines it, and a call that climbs (to
a folder above) or circles (folders of one layer calling each other, directly or round a
loop) fails. The same for #include lines between folders: a header of a folder above is
not included, except the interfaces a folder hands to the layers below it (INTERFACES) and
the engine's struct where a lower folder still reads it (TYPE_READS: each a known debt, to
shrink, never to grow); folders of one layer may include each other's headers one way.
And the library reads no environment and no /proc link itself (`nm -u`: no getenv,
secure_getenv or readlink): the program passes those in as options (ENV_DEBTS: known
exceptions). Usage: layers.py LIBRARY.a SCANNER_DIR"""
import os, re, subprocess, sys

# top to bottom; folders on one line are one layer
# (net sits below verify, which calls it: docs/internals.md draws the line so)
LAYERS = [["cli"], ["sweep"], ["engine"], ["pipeline"], ["source", "verify"], ["net"],
          ["decode"], ["match", "report"], ["rules", "filter"], ["core"]]
RANK = {f: i for i, layer in enumerate(LAYERS) for f in layer}
# headers a folder gives the folders below it: sources call the pipeline through the table
# in feed.h (memo.h: the memo and blob reader types it names), never by linking to it
INTERFACES = {"pipeline/feed.h", "pipeline/memo.h"}
# lower files that still read struct keyhound_engine (engine.h): none; the engine hands
# the judge and the pipeline a kh_judge_cfg, the printers its rules
TYPE_READS = set()

# the program's business, passed in as options (keyhound_options, keyhound_git_options...)
ENV_CALLS = {"getenv", "secure_getenv", "readlink", "environ"}
# none left: net.c, verify.c, mirror.c and sweep.c take theirs from the options
ENV_DEBTS = set()

def folder_of(rel):
    """scanner-relative file -> its folder (a file at the top: its own name)"""
    return rel.split("/")[0] if "/" in rel else os.path.splitext(rel)[0]

def include_problems(scanner):
    bad, same = [], {}
    for d, _, fs in os.walk(scanner):
        for f in sorted(fs):
            if not f.endswith((".c", ".h")):
                continue
            rel = os.path.relpath(os.path.join(d, f), scanner).replace(os.sep, "/")
            a = folder_of(rel)
            if a not in RANK:
                continue
            with open(os.path.join(d, f), encoding="utf-8", errors="replace") as fh:
                incs = re.findall(r'^\s*#\s*include\s+"([^"]+)"', fh.read(), re.M)
            for inc in incs:
                b = folder_of(inc)
                if b not in RANK or b == a or inc in INTERFACES or (rel, inc) in TYPE_READS:
                    continue
                if RANK[b] < RANK[a]:
                    bad.append("%s includes %s, a folder above" % (rel, inc))
                elif RANK[b] == RANK[a]:
                    same.setdefault((a, b), rel + " includes " + inc)
    for (a, b), first in sorted(same.items()):
        if a < b and (b, a) in same:
            bad.append("%s and %s include each other: %s; %s" % (a, b, first, same[(b, a)]))
    return bad

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
    bad += include_problems(scanner)
    for o, (_, undefined) in sorted(syms.items()):
        for s in sorted(undefined & ENV_CALLS):
            if (o, s) not in ENV_DEBTS:
                bad.append("%s calls %s: the library takes it as an option from the program" % (o, s))
    for b in bad:
        print("layers: " + b)
    print("layers: %d objects, %d folder-to-folder dependencies, %d problems" %
          (len(syms), len(calls), len(bad)))
    return 1 if bad else 0

sys.exit(main())
