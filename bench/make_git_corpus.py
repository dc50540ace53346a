#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Build a git history corpus for bench/git.sh: successive versions of real text files
(from /usr/include by default), written with git fast-import, then repacked like a real
repository. Usage: make_git_corpus.py DEST [COMMITS] [SOURCE_DIR]"""
import os, random, subprocess, sys

dest = sys.argv[1]
n_commits = int(sys.argv[2]) if len(sys.argv) > 2 else 6000
src = sys.argv[3] if len(sys.argv) > 3 else "/usr/include"
rng = random.Random(42)

pool = []
for root, dirs, files in os.walk(src):
    dirs.sort()
    for f in sorted(files):
        p = os.path.join(root, f)
        try:
            if os.path.islink(p) or not (200 < os.path.getsize(p) < 300_000):
                continue
            data = open(p, "rb").read()
        except OSError:
            continue
        if b"\0" in data[:8000]:
            continue
        pool.append((os.path.relpath(p, src), data.split(b"\n")))
rng.shuffle(pool)
start = pool[: len(pool) // 2]
spare = pool[len(pool) // 2 :]

os.makedirs(dest, exist_ok=True)
subprocess.run(["git", "init", "-q", "-b", "main", dest], check=True)
fi = subprocess.Popen(["git", "-C", dest, "fast-import", "--quiet"], stdin=subprocess.PIPE)
out = fi.stdin
files = {path: lines for path, lines in start}
mark = 0
t0 = 1_500_000_000

def blob(data):
    global mark
    mark += 1
    out.write(b"blob\nmark :%d\ndata %d\n" % (mark, len(data)))
    out.write(data)
    out.write(b"\n")
    return mark

def commit(ref, i, msg, changes, parent=None, merge=None):
    global mark
    marks = []
    for path, lines in changes:
        marks.append((path, None if lines is None else blob(b"\n".join(lines))))
    mark += 1
    who = rng.choice([b"Ann Dev <ann@example.com>", b"Bob Ops <bob@example.com>",
                      b"Cy Sec <cy@example.com>"])
    out.write(b"commit %s\nmark :%d\nauthor %s %d +0000\ncommitter %s %d +0000\n"
              % (ref, mark, who, t0 + i * 600, who, t0 + i * 600))
    out.write(b"data %d\n%s\n" % (len(msg), msg))
    if parent:
        out.write(b"from :%d\n" % parent)
    if merge:
        out.write(b"merge :%d\n" % merge)
    for path, m in marks:
        if m is None:
            out.write(b"D %s\n" % path.encode())
        else:
            out.write(b"M 100644 :%d %s\n" % (m, path.encode()))
    return mark

head = commit(b"refs/heads/main", 0, b"import", list(files.items()))
side = None
for i in range(1, n_commits):
    changes = []
    for _ in range(rng.choice([1, 1, 2, 2, 3, 5])):
        r = rng.random()
        if r < 0.04 and spare:
            path, lines = spare.pop()
            files[path] = lines
        elif r < 0.06 and len(files) > 10:
            path = rng.choice(sorted(files))
            del files[path]
            changes.append((path, None))
            continue
        else:
            path = rng.choice(list(files))
            lines = list(files[path])
            for _ in range(rng.randint(1, 6)):
                at = rng.randrange(len(lines) + 1)
                if rng.random() < 0.3 and len(lines) > 5:
                    del lines[at : at + rng.randint(1, 4)]
                else:
                    donor = rng.choice(pool)[1]
                    j = rng.randrange(len(donor))
                    lines[at:at] = donor[j : j + rng.randint(1, 8)]
            if i % 997 == 0:
                # a fake credential, removed again a few commits later
                lines.insert(0, b"aws_key = AKIA" + b"%016X" % (i * 7919))
            files[path] = lines
        changes.append((path, files[path]))
    msg = b"change %d" % i
    if i % 1500 == 750:
        side = commit(b"refs/heads/side", i, b"side " + msg, changes, parent=head)
        continue
    if side and i % 1500 == 1000:
        head = commit(b"refs/heads/main", i, b"merge side", changes, parent=head, merge=side)
        side = None
        continue
    head = commit(b"refs/heads/main", i, msg, changes, parent=head)
    if i % 1000 == 0:
        out.write(b"reset refs/tags/v%d\nfrom :%d\n\n" % (i // 1000, head))
out.close()
if fi.wait() != 0:
    sys.exit("fast-import failed")
subprocess.run(["git", "-C", dest, "repack", "-a", "-d", "-f", "-q", "--depth=50", "--window=10"], check=True)
subprocess.run(["git", "-C", dest, "reset", "-q", "--hard", "main"], check=True)
