#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Negatives for the naturalness comparison drawn from real trees, not written by hand:
the values that sit where a generic secret would (a string literal assigned to a name in
Python, JavaScript and C; a value in an INI/properties/YAML line), and the shapes real trees
are full of (hash digests in pip RECORD files and checksums, UUIDs, base64 blobs of
certificates and data: URIs). None is a secret: they are installed, public files.

    python3 scanner/filter/naturalness/real_negatives.py > scanner/filter/naturalness/real-negatives.tsv
    python3 scanner/filter/naturalness/real_negatives.py --scan build/keyhound scanner/filter/naturalness/real-negatives.tsv [--list]

The second form puts each value where a generic secret sits (`SERVICE_API_TOKEN = "…"` in a
settings.py, `api_token: "…"` in a config.yml), scans them with keyhound and prints, per kind,
how many the whole program reports: the end-to-end false-alarm rate of such values in a
secret's place, in all and by half; --list prints the word-like values reported.

Output: one value a line, tab-separated: kind, split (tuning/heldout, from a hash of the
value, so a value is in one half only), source tree, value. Deterministic for a given
machine: files are read in sorted order, each kind is capped, and the values kept are the
ones with the smallest hash (a fixed pseudo-random sample), at most CAP of each kind from
each tree. Kinds:
  word-like  an assigned string literal that is not a number, hex, a UUID or base64-shaped
  number     an assigned string literal of decimal digits
  hash       hex digests (32-128 hex digits) and sha256= base64url digests of RECORD files
  uuid       8-4-4-4-12 hex
  base64     a run of 20+ base64 characters holding upper, lower case and digits
The model (table.h) was built from the wamerican word list and a 300-word programming
vocabulary written by hand, not from these trees."""
import collections
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

TREES = [
    ("usr-include", "/usr/include", (".h", ".hpp")),
    ("usr-share", "/usr/share", (".py", ".js", ".pl", ".pm", ".rb", ".conf", ".ini", ".properties", ".yml",
                                 ".yaml", ".json", ".xml", ".crt", ".pem", ".css", ".html", ".sh")),
    ("python", "/usr/lib/python3", (".py", ".cfg", ".ini", ".toml", ".json", ".yaml", ".yml")),
    ("python", "/usr/lib/python3.11", (".py", ".cfg", ".ini", ".toml", ".json")),
    ("python-record", "/usr/lib/python3", ("RECORD",)),
    ("node", "/usr/lib/node_modules", (".js", ".cjs", ".mjs", ".ts", ".json")),
]
# per kind, per tree (so that no one tree, such as botocore's service models, is most of it)
CAP = {"word-like": 1000, "number": 100, "hash": 600, "uuid": 400, "base64": 500}
MAX_FILE = 2 << 20

VAL = r"([^'\"\\\s]{8,80})"
ASSIGN = [
    # Python / JavaScript / TypeScript / Ruby / shell: NAME = "value", const name = 'value'
    re.compile(r"""^\s*(?:export\s+)?(?:(?:const|let|var|final|static|readonly)\s+)*[A-Za-z_$][\w$.]*\s*[:=]\s*['"]""" + VAL + r"""['"]\s*[,;]?\s*$"""),
    # object members and dict entries: name: "value", "name": "value"
    re.compile(r"""^\s*['"]?[A-Za-z_$][\w$-]*['"]?\s*:\s*['"]""" + VAL + r"""['"]\s*,?\s*$"""),
    # C: #define NAME "value"
    re.compile(r"""^\s*#\s*define\s+[A-Za-z_]\w*\s+['"]""" + VAL + r"""['"]\s*$"""),
    # INI / properties / YAML: name = value, name: value (unquoted)
    re.compile(r"""^\s*[A-Za-z_][\w.-]*\s*[:=]\s*""" + VAL + r"""\s*$"""),
]
HEX = re.compile(r"(?<![0-9A-Za-z])([0-9a-fA-F]{32}|[0-9a-fA-F]{40}|[0-9a-fA-F]{64}|[0-9a-fA-F]{128})(?![0-9A-Za-z])")
UUID = re.compile(r"(?<![0-9A-Za-z-])([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?![0-9A-Za-z-])")
RECORD = re.compile(r",sha256=([A-Za-z0-9_-]{43}),")
B64 = re.compile(r"(?<![A-Za-z0-9+/])([A-Za-z0-9+/]{20,76}={0,2})(?![A-Za-z0-9+/=])")
HEXLIKE = re.compile(r"^(?:[0-9A-Fa-f]+|[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12})$")


def mixed(v):
    return any(c.isupper() for c in v) and any(c.islower() for c in v) and any(c.isdigit() for c in v)


def base64_shaped(v):
    """a base64 run, not an identifier or a path that happens to hold a digit"""
    return (re.fullmatch(r"[A-Za-z0-9+/]{20,}={0,2}", v) is not None and mixed(v) and not v.startswith("/") and
            (len(v) % 4 == 0 or "+" in v or v.endswith("=")) and
            not re.fullmatch(r"[A-Za-z_][A-Za-z_]*[0-9]{0,3}[A-Za-z_]*[0-9]{0,3}[A-Za-z_]*", v))


def kind_of(v):
    if v.isdigit():
        return "number"
    if HEXLIKE.match(v):
        return "uuid" if "-" in v else "hash"
    if base64_shaped(v):
        return "base64"
    return "word-like"


def key(v):
    return hashlib.sha1(v.encode()).hexdigest()


def walk(root, exts):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for f in sorted(filenames):
            if f.endswith(exts):
                yield os.path.join(dirpath, f)


def main():
    found = {k: {} for k in CAP}
    for tree, root, exts in TREES:
        for path in walk(root, exts):
            try:
                if os.path.islink(path) or os.path.getsize(path) > MAX_FILE:
                    continue
                text = open(path, encoding="utf-8", errors="strict").read()
            except (OSError, UnicodeDecodeError):
                continue
            if exts == ("RECORD",):
                for v in RECORD.findall(text):
                    found["hash"].setdefault(v, tree)
                continue
            for line in text.splitlines():
                if len(line) > 400:
                    continue
                for rx in ASSIGN:
                    m = rx.match(line)
                    if m:
                        v = m.group(1)
                        found[kind_of(v)].setdefault(v, tree)
                        break
                for v in HEX.findall(line):
                    found["hash"].setdefault(v, tree)
                for v in UUID.findall(line):
                    found["uuid"].setdefault(v, tree)
                for v in B64.findall(line):
                    if base64_shaped(v) and not HEXLIKE.match(v):
                        found["base64"].setdefault(v, tree)
    for kind in CAP:
        trees = sorted(set(found[kind].values()))
        keep = []
        for tree in trees:
            keep += sorted((v for v, t in found[kind].items() if t == tree), key=key)[:CAP[kind]]
        for v in sorted(keep):
            split = "tuning" if int(key("split:" + v), 16) % 2 == 0 else "heldout"
            print("%s\t%s\t%s\t%s" % (kind, split, found[kind][v], v))
        print("%s: %d found, %d kept (%s)" % (kind, len(found[kind]), len(keep), ", ".join(
            "%s %d" % (t, min(CAP[kind], sum(1 for x in found[kind].values() if x == t))) for t in trees)), file=sys.stderr)


def scan(keyhound, tsv):
    rows = [l.rstrip("\n").split("\t", 3) for l in open(tsv, encoding="utf-8")]
    with tempfile.TemporaryDirectory() as tmp:
        for i, (kind, _, _, v) in enumerate(rows):
            d = os.path.join(tmp, kind)
            os.makedirs(d, exist_ok=True)
            q = v.replace("\\", "\\\\").replace('"', '\\"')
            open(os.path.join(d, "v%05d_settings.py" % i), "w").write('import os\n\nSERVICE_API_TOKEN = "%s"\n' % q)
            open(os.path.join(d, "v%05d_config.yml" % i), "w").write('service:\n  api_token: "%s"\n' % q)
        empty = os.path.join(tmp, "empty.yml")
        open(empty, "w").close()
        out = subprocess.run([keyhound, "scan", tmp, "--config", empty, "--format", "jsonl", "--min-confidence",
                              "low"], capture_output=True, text=True).stdout
    flagged = collections.defaultdict(set)
    for line in out.splitlines():
        f = json.loads(line)
        m = re.search(r"/([^/]+)/v(\d+)_(settings\.py|config\.yml)$", f.get("path", ""))
        if m:
            flagged[(m.group(1), m.group(3))].add(int(m.group(2)))
    total = collections.Counter(r[0] for r in rows)
    halves = collections.Counter((r[0], r[1]) for r in rows)
    print("%-10s %7s %22s %22s" % ("kind", "values", "reported in .py", "reported in .yml"))
    for kind in sorted(total):
        py, yml = len(flagged[(kind, "settings.py")]), len(flagged[(kind, "config.yml")])
        print("%-10s %7d %14d (%5.1f%%) %14d (%5.1f%%)" % (kind, total[kind], py, 100 * py / total[kind], yml,
                                                          100 * yml / total[kind]))
    print("reported in either file, by half:")
    for kind in sorted(total):
        either = flagged[(kind, "settings.py")] | flagged[(kind, "config.yml")]
        print("%-10s %s" % (kind, ", ".join("%s %d of %d" % (h, sum(1 for i in either if rows[i][1] == h), halves[(kind, h)])
                                           for h in ("tuning", "heldout"))))
    if "--list" in sys.argv:
        for i in sorted(flagged[("word-like", "settings.py")] | flagged[("word-like", "config.yml")]):
            print("  %s\t%s\t%s" % (rows[i][1], rows[i][2], rows[i][3]))


if __name__ == "__main__":
    if len(sys.argv) in (4, 5) and sys.argv[1] == "--scan":
        scan(sys.argv[2], sys.argv[3])
    else:
        main()
