#!/usr/bin/env python3
"""Prints the regex of every rule in patterns/*.yml, one per line: the fallback for
`keyhound rules list --format patterns` when the binary at hand cannot print them."""
import glob
import os
import sys

import yaml

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..",
                                                           "patterns")
for path in sorted(glob.glob(os.path.join(root, "*.yml"))):
    with open(path) as f:
        doc = yaml.safe_load(f) or {}
    for rule in doc.get("rules") or []:
        p = rule.get("pattern")
        if p and "\n" not in p:
            print(p)
