#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Count the rules in a patterns folder: rules, providers and keyword-only rules.

A provider is one patterns/<provider>.yml file; the class files (generic assignments,
URLs, HTTP headers, JWTs, private keys, sensitive files, web frameworks) name no provider.
A rule is keyword-only when its secret has no shape of its own (no literal prefix or
suffix, no checksum) and it is found only next to a provider keyword; each such rule
states a fixed alphabet and length or range, so it stays cheap to match.
Usage: patterns/count.py [patterns-dir] [--list]
"""
import os, re, sys
import yaml

CLASS_FILES = {'generic', 'urls', 'http', 'jwt', 'private-keys', 'sensitive-files',
               'django', 'rails', 'laravel'}

def group1(p):
    i = 0
    while i < len(p):
        c = p[i]
        if c == '\\':
            i += 2
            continue
        if c == '[':
            j = i + 1
            if j < len(p) and p[j] == '^': j += 1
            if j < len(p) and p[j] == ']': j += 1
            while j < len(p) and p[j] != ']':
                j += 2 if p[j] == '\\' else 1
            i = j + 1
            continue
        if c == '(' and not p.startswith('(?', i):
            depth, j = 0, i
            while j < len(p):
                if p[j] == '\\': j += 2; continue
                if p[j] == '[':
                    k = j + 1
                    if p[k] == '^': k += 1
                    if p[k] == ']': k += 1
                    while p[k] != ']': k += 2 if p[k] == '\\' else 1
                    j = k + 1; continue
                if p[j] == '(': depth += 1
                elif p[j] == ')':
                    depth -= 1
                    if depth == 0: return p[i + 1:j]
                j += 1
            return None
        i += 1
    return None

def has_literal(s):
    s = re.sub(r'\[(?:\\.|[^\]\\])*\]', '', s)        # character classes
    s = re.sub(r'\{\d+(?:,\d*)?\}', '', s)             # counted repeats
    s = re.sub(r'\\[bBdDwWsSRN]', '', s)               # class escapes
    s = re.sub(r'\(\?[:!=<]*', '', s)
    return len(re.findall(r'[A-Za-z0-9_~./:-]|\\.', s)) >= 2

def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    folder = args[0] if args else os.path.dirname(os.path.abspath(__file__))
    rules, providers, kwonly = 0, set(), []
    for name in sorted(os.listdir(folder)):
        if not name.endswith('.yml'): continue
        stem = name[:-4]
        doc = yaml.safe_load(open(os.path.join(folder, name))) or {}
        for r in doc.get('rules') or []:
            rules += 1
            if stem not in CLASS_FILES: providers.add(stem)
            p = r.get('pattern')
            if not p or r.get('validate') or stem in CLASS_FILES: continue
            g = group1(p)
            secret = g if g is not None else p
            if not has_literal(secret): kwonly.append(r['id'])
    print(f'{rules} rules, {len(providers)} providers, {len(kwonly)} keyword-only')
    if '--list' in sys.argv:
        for i in kwonly: print('keyword-only', i)

if __name__ == '__main__':
    main()
