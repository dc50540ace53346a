#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Makes keyhound's patterns usable by ripgrep's default engine, in one pass.

    rg_patterns.py IN OUT      (IN: one PCRE2 pattern per line)

ripgrep's -P (PCRE2) would take the syntax, but rg joins every -f pattern into one
alternation and PCRE2 refuses one that large; its default engine (Rust regex) is also its fast
one, so that is the peer we measure. Patterns it rejects are rewritten: lookarounds removed
(the pattern then matches a superset: more work for rg, never less), possessive quantifiers and
atomic groups made plain, needless escapes of quotes dropped. Patterns that still fail (an
explicit newline needs rg -U, which searches whole files instead of lines) are left out and
counted. Prints the counts on stderr.
"""
import os
import subprocess
import sys
import tempfile


def rg_accepts(p):
    with tempfile.NamedTemporaryFile("w", suffix=".pat", delete=False) as f:
        f.write(p + "\n")
        name = f.name
    try:
        r = subprocess.run(["rg", "--regex-size-limit=1G", "--dfa-size-limit=1G", "-f", name, "-"],
                           input=b"x\n", capture_output=True)
        return r.returncode in (0, 1)
    finally:
        os.unlink(name)


def rewrite(p):
    out = []
    i, n = 0, len(p)
    in_class = False
    while i < n:
        c = p[i]
        if c == "\\" and i + 1 < n:
            nxt = p[i + 1]
            if nxt in "'\"" :
                out.append(nxt)
            else:
                out.append(p[i:i + 2])
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
            out.append(c)
            i += 1
            continue
        if c == "[":
            in_class = True
            out.append(c)
            i += 1
            # a ] right after [ or [^ is literal
            if i < n and p[i] == "^":
                out.append("^")
                i += 1
            if i < n and p[i] == "]":
                out.append("]")
                i += 1
            continue
        if p.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
            i = skip_group(p, i)
            continue
        if p.startswith("(?>", i):
            out.append("(?:")
            i += 3
            continue
        if c == "+" and out and out[-1] and out[-1][-1] in "+*?}" and not out[-1].startswith("\\"):
            i += 1      # possessive quantifier -> greedy
            continue
        out.append(c)
        i += 1
    return "".join(out)


def skip_group(p, i):
    depth = 0
    in_class = False
    n = len(p)
    while i < n:
        c = p[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            if i + 1 < n and p[i + 1] == "^":
                i += 1
            if i + 1 < n and p[i + 1] == "]":
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return n


def main():
    src, dst = sys.argv[1], sys.argv[2]
    pats = [l.rstrip("\n") for l in open(src) if l.strip()]
    kept, rewritten, dropped = [], 0, 0
    for p in pats:
        if rg_accepts(p):
            kept.append(p)
            continue
        q = rewrite(p)
        if q != p and rg_accepts(q):
            kept.append(q)
            rewritten += 1
        else:
            dropped += 1
    with open(dst, "w") as f:
        f.write("".join(k + "\n" for k in kept))
    sys.stderr.write("rg patterns: %d of %d as they are, %d rewritten for rg's engine, "
                     "%d left out (need multi-line mode)\n"
                     % (len(pats) - rewritten - dropped, len(pats), rewritten, dropped))
    print("%d/%d/%d" % (len(pats) - rewritten - dropped, rewritten, dropped))


if __name__ == "__main__":
    main()
