#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Prints the regex of every rule in patterns/*.yml that applies to every file, one per line.

Rules with `paths` (a .pgpass line, an htpasswd entry, ...) are left out: keyhound tries them
only on those files, a grep would try them on every line of every file, where they match most
lines, so that would measure something else."""
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
        if p and "\n" not in p and not rule.get("paths"):
            print(p)
