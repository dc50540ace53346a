#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes a `git fast-import` stream of a long, realistic history built from real files.

The history is a monorepo that grows over time:
  * cpython/Lib starts as Python 3.6's standard library and is synced, file by file over a few
    hundred commits each, to 3.7, 3.8, ... 3.13 (the pyenv installs on this machine): real
    upstream changes, so real deltas.
  * Other real trees (headers, Free Pascal sources, Perl, Vim runtime, CMake modules) are
    imported a directory at a time over the first 80% of the history.
  * Every commit also edits a few files: blocks of real lines inserted, deleted or replaced,
    with a small set of hot files edited far more often than the rest (long delta chains).
  * Renames and deletions of files and whole directories; feature branches that run alongside
    main and are merged (or abandoned and left as refs); tags.
  * The planted secrets of planted.py go in at fixed points and most are removed later.

The amount of edits is steered so the distinct blob content reaches --target-bytes by the
last commit. Deterministic for a given --seed and the same files on disk.

Writes the stream on stdout; writes the planted manifest (with commit marks, which
corpus-git.sh turns into ids) and a summary to the paths given.
"""
import argparse
import hashlib
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import planted  # noqa: E402

SAFE = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._+-/@,=~")
SKIP_EXT = (".pyc", ".pyo", ".so", ".a", ".o", ".exe", ".png", ".gif", ".jpg", ".jpeg", ".ico",
            ".wav", ".aif", ".aiff", ".au", ".zip", ".gz", ".bz2", ".xz", ".zst", ".tar",
            ".whl", ".pickle", ".bin", ".db", ".mo", ".jar", ".class", ".ppu", ".tgz")
MAX_FILE = 1 << 20
PY_VERSIONS = ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"]
OTHER_TREES = [("/usr/include", "vendor/include"),
               ("/usr/share/fpcsrc", "fpc"),
               ("/usr/share/perl", "perl"),
               ("/usr/lib/x86_64-linux-gnu/perl", "perl-xs"),
               ("/usr/share/vim", "vim"),
               ("/usr/share/cmake-3.25", "cmake")]
AUTHORS = [("Ada Brennan", "ada@orders.example"), ("Bo Lindqvist", "bo@orders.example"),
           ("Chidi Okafor", "chidi@orders.example"), ("Dana Whitfield", "dana@orders.example"),
           ("Emil Novak", "emil@orders.example"), ("Fatima Zahra", "fatima@orders.example"),
           ("Goran Petrov", "goran@orders.example"), ("Hana Sato", "hana@orders.example"),
           ("Ivo Costa", "ivo@orders.example"), ("Jun Park", "jun@orders.example"),
           ("Kira Moss", "kira@orders.example"), ("Luis Ortega", "luis@orders.example"),
           ("Mei Chen", "mei@orders.example"), ("Nadia Roy", "nadia@orders.example"),
           ("Omar Haddad", "omar@orders.example"), ("Priya Nair", "priya@orders.example")]
VERBS = ["Fix", "Tidy", "Refactor", "Update", "Simplify", "Document", "Speed up", "Harden",
         "Clean up", "Rework", "Handle errors in", "Add tests for"]


def readable(path):
    try:
        if os.path.islink(path) or not os.path.isfile(path):
            return None
        if os.path.getsize(path) > MAX_FILE or path.endswith(SKIP_EXT):
            return None
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return None
    if b"\0" in data[:8192] or not data:
        return None
    return data


def walk(root):
    """Sorted list of relative paths under root with safe names."""
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames
                             if d not in ("__pycache__", "site-packages", "lib-dynload")
                             and not d.startswith("config-"))
        for name in sorted(filenames):
            rel = os.path.relpath(os.path.join(dirpath, name), root)
            if all(c in SAFE for c in rel) and not rel.endswith(SKIP_EXT):
                out.append(rel)
    return out


class PathSet:
    """Paths with O(1) add, remove and uniform random choice."""

    def __init__(self):
        self.items, self.index = [], {}

    def add(self, p):
        if p not in self.index:
            self.index[p] = len(self.items)
            self.items.append(p)

    def remove(self, p):
        i = self.index.pop(p, None)
        if i is None:
            return
        last = self.items.pop()
        if i < len(self.items):
            self.items[i] = last
            self.index[last] = i

    def __contains__(self, p):
        return p in self.index

    def __len__(self):
        return len(self.items)

    def choice(self, rng):
        return self.items[rng.randrange(len(self.items))]


class Gen:
    def __init__(self, args, out):
        self.a = args
        self.out = out
        self.rng = random.Random(args.seed)
        self.mark = 0
        self.blob_by_sha = {}         # git blob id -> mark: identical content is written once
        self.distinct_bytes = 0
        self.blobs = 0
        self.files = {}               # main: path -> [mark, content bytes or None, source path]
        self.editable = PathSet()     # main paths random edits, renames, deletes may touch
        self.hot = []
        self.locked = set()
        self.donors = []
        self.time = 1325376000        # 2012-01-01
        self.commits = 0
        self.merges = 0
        self.branch_count = 0
        self.manifest = []            # (commit mark, path, line, rule, in_head)
        self.head_mark = None
        self.side = None

    # ---- stream primitives
    def w(self, s):
        self.out.write(s.encode() if isinstance(s, str) else s)

    def blob(self, data):
        h = hashlib.sha1(b"blob %d\0" % len(data))
        h.update(data)
        sha = h.digest()
        m = self.blob_by_sha.get(sha)
        if m is not None:
            return m
        self.mark += 1
        m = self.mark
        self.w(b"blob\nmark :%d\ndata %d\n" % (m, len(data)))
        self.w(data)
        self.w(b"\n")
        self.blob_by_sha[sha] = m
        self.distinct_bytes += len(data)
        self.blobs += 1
        return m

    def commit(self, ref, msg, ops, parent=None, merge=None):
        """ops: list of ('M', path, mark) | ('D', path) | ('R', old, new)."""
        self.mark += 1
        m = self.mark
        self.time += self.rng.randint(60, 14000)
        name, email = AUTHORS[self.rng.randrange(len(AUTHORS))]
        msgb = msg.encode()
        self.w("commit %s\nmark :%d\nauthor %s <%s> %d +0000\ncommitter %s <%s> %d +0000\n"
               % (ref, m, name, email, self.time, name, email, self.time))
        self.w(b"data %d\n" % len(msgb))
        self.w(msgb)
        self.w(b"\n")
        if parent is not None:
            self.w("from :%d\n" % parent)
        if merge is not None:
            self.w("merge :%d\n" % merge)
        for op in ops:
            if op[0] == "M":
                self.w("M 100644 :%d %s\n" % (op[2], op[1]))
            elif op[0] == "D":
                self.w("D %s\n" % op[1])
            else:
                self.w("R %s %s\n" % (op[1], op[2]))
        self.w("\n")
        self.commits += 1
        if merge is not None:
            self.merges += 1
        if ref == "refs/heads/main":
            self.head_mark = m
        return m

    # ---- file state on main
    def content(self, path):
        f = self.files[path]
        if f[1] is None:
            f[1] = readable(f[2]) or b"\n"
        return f[1]

    def put(self, path, data, src=None, editable=True, ops=None):
        m = self.blob(data)
        old = self.files.get(path)
        if old is not None and old[0] == m:
            return False
        # keep the bytes only for files we will edit again; the rest re-read from src
        self.files[path] = [m, data if src is None else None, src]
        if editable:
            self.editable.add(path)
            if old is None and self.rng.random() < 0.04:
                self.hot.append(path)
        ops.append(("M", path, m))
        return True

    def delete(self, path, ops):
        self.files.pop(path, None)
        self.editable.remove(path)
        ops.append(("D", path))

    # ---- edits
    def donor_lines(self, own):
        if self.donors and self.rng.random() < 0.5:
            src = self.donors[self.rng.randrange(len(self.donors))]
        else:
            src = own
        n = len(src)
        if n < 2:
            return b"\n"
        start = src.find(b"\n", self.rng.randrange(n)) + 1
        end = start
        for _ in range(self.rng.randint(1, 20)):
            e = src.find(b"\n", end)
            if e < 0:
                break
            end = e + 1
        return src[start:end] or b"pass\n"

    def edited(self, data):
        n = len(data)
        pos = data.find(b"\n", self.rng.randrange(n)) + 1 if n else 0
        if pos <= 0:
            pos = n
        r = self.rng.random()
        if r < 0.4:
            return data[:pos] + self.donor_lines(data) + data[pos:]
        end = pos
        for _ in range(self.rng.randint(1, 12) if r < 0.7 else self.rng.randint(1, 3)):
            e = data.find(b"\n", end)
            if e < 0:
                break
            end = e + 1
        if r < 0.7:
            out = data[:pos] + data[end:]
            return out if len(out) > 64 else data + self.donor_lines(data)
        return data[:pos] + self.donor_lines(data) + data[end:]

    def pick_editable(self):
        for _ in range(8):
            if self.hot and self.rng.random() < 0.55:
                p = self.hot[self.rng.randrange(len(self.hot))]
                if p not in self.editable:
                    continue
            elif len(self.editable):
                p = self.editable.choice(self.rng)
            else:
                return None
            if p not in self.locked:
                return p
        return None

    def edit_main(self, ops, touched):
        p = self.pick_editable()
        if p is None or p in touched:
            return None
        data = self.content(p)
        if len(self.donors) < 256:
            self.donors.append(data)
        elif self.rng.random() < 0.05:
            self.donors[self.rng.randrange(256)] = data
        self.put(p, self.edited(data), ops=ops)
        touched.add(p)
        return p

    # ---- the history
    def build_pools(self):
        a = self.a
        pyroots = {}
        for v in PY_VERSIONS:
            d = os.path.join(a.pyenv, [x for x in sorted(os.listdir(a.pyenv))
                                       if x == v or x.startswith(v + ".")][-1],
                             "lib", "python" + v)
            pyroots[v] = d
        self.py = {v: set(walk(pyroots[v])) for v in PY_VERSIONS}
        self.pyroots = pyroots
        chunks = []
        for root, prefix in OTHER_TREES:
            if not os.path.isdir(root):
                continue
            bydir = {}
            for rel in walk(root):
                bydir.setdefault(os.path.dirname(rel), []).append(rel)
            for d, rels in sorted(bydir.items()):
                for i in range(0, len(rels), 150):
                    chunks.append([(os.path.join(root, r), prefix + "/" + r)
                                   for r in rels[i:i + 150]])
        self.rng.shuffle(chunks)
        # Keep directories imported in order within a tree most of the time.
        self.chunks = chunks
        self.pool_files = sum(len(c) for c in chunks)

    def run(self):
        a, rng = self.a, self.rng
        N = a.commits
        self.build_pools()
        # commit 0: the import of 3.6
        ops = []
        cur_py = "3.6"
        for rel in sorted(self.py[cur_py]):
            data = readable(os.path.join(self.pyroots[cur_py], rel))
            if data is not None:
                self.put("cpython/Lib/" + rel, data, src=os.path.join(self.pyroots[cur_py], rel),
                         ops=ops)
        self.commit("refs/heads/main", "Import the standard library of Python 3.6\n", ops)

        # python syncs: version k starts at commit N*k/8 and runs over sync_len commits
        sync_len = max(20, N // 100)
        sync_tasks = {}
        for k, v in enumerate(PY_VERSIONS[1:], start=1):
            start = N * k // len(PY_VERSIONS)
            prev = set(self.py[PY_VERSIONS[k - 1]])
            rels = sorted(self.py[v] | prev)
            rng.shuffle(rels)
            for i, rel in enumerate(rels):
                c = start + (i * sync_len) // max(1, len(rels))
                sync_tasks.setdefault(c, []).append((v, rel))

        events = self.planted_events(N)
        pool_i = 0
        pool_done = 0
        for i in range(1, N):
            if i % 1000 == 0:
                self.w("reset refs/tags/v%d.%d\nfrom :%d\n\n" % (i // 5000, (i // 1000) % 5,
                                                                 self.head_mark))
                sys.stderr.write("gitgen: %d/%d commits, %d blobs, %.2f GB distinct\n"
                                 % (i, N, self.blobs, self.distinct_bytes / 1e9))
            if i in events:
                events[i]()
                continue
            # an active feature branch takes some of the commits
            if self.side is not None:
                if self.side["left"] == 0:
                    self.end_side()
                    continue
                if rng.random() < 0.4:
                    self.side_commit()
                    continue
            elif rng.random() < 1 / 300 and i < N - 50:
                self.start_side()
            ops, touched, msg = [], set(), None
            if i in sync_tasks:
                vs = None
                for v, rel in sync_tasks[i]:
                    vs = v
                    path = "cpython/Lib/" + rel
                    if path in self.locked:
                        continue
                    if rel in self.py[v]:
                        src = os.path.join(self.pyroots[v], rel)
                        data = readable(src)
                        if data is not None:
                            self.put(path, data, src=src, ops=ops)
                            touched.add(path)
                    elif path in self.files:
                        self.delete(path, ops)
                msg = "Sync Lib with upstream Python %s\n" % vs
            # imports: the pool is consumed over the first 80% of the history
            want = min(self.pool_files, int(self.pool_files * i / (0.8 * N)) + 1)
            while pool_done < want and pool_i < len(self.chunks):
                chunk = self.chunks[pool_i]
                pool_i += 1
                for src, path in chunk:
                    if path in self.files or path in self.locked:
                        continue
                    data = readable(src)
                    if data is not None:
                        self.put(path, data, src=src, ops=ops)
                        touched.add(path)
                pool_done += len(chunk)
                msg = msg or "Add %s\n" % os.path.dirname(chunk[0][1])
            # structural changes
            r = rng.random()
            if r < 0.02 and len(self.editable) > 100:
                p = self.pick_editable()
                if p and not p.startswith("cpython/") and p not in touched:
                    d, b = os.path.split(p)
                    new = d + "/" + ("old_" if rng.random() < 0.5 else "new_") + b
                    if new not in self.files:
                        self.files[new] = self.files.pop(p)
                        self.editable.remove(p)
                        self.editable.add(new)
                        ops.append(("R", p, new))
                        touched.add(new)
                        msg = msg or "Rename %s to %s\n" % (p, new)
            elif r < 0.04 and len(self.editable) > 100:
                p = self.pick_editable()
                if p and not p.startswith("cpython/") and p not in touched:
                    self.delete(p, ops)
                    msg = msg or "Remove %s\n" % p
            elif r < 0.0415 and len(self.editable) > 1000:
                self.move_dir(ops, touched, delete=rng.random() < 0.4)
            # edits, steered to the byte target
            goal = a.target_bytes * (i + 1) / N
            n_edits = 1 if rng.random() < 0.8 else 0
            first = None
            while len(touched) < 400 and (n_edits > 0 or self.distinct_bytes < goal):
                p = self.edit_main(ops, touched)
                first = first or p
                n_edits -= 1
                if n_edits < -60:
                    break
            if not ops:
                continue
            if msg is None:
                target = first or "tree"
                msg = "%s %s\n\n%s\n" % (rng.choice(VERBS), os.path.basename(target),
                                         "Touches %d file(s)." % len(touched))
            self.commit("refs/heads/main", msg, ops)
        if self.side is not None:
            self.end_side()
        self.w("checkpoint\n\n")

    def move_dir(self, ops, touched, delete):
        p = self.pick_editable()
        if not p or p.startswith("cpython/") or p.count("/") < 2:
            return
        d = os.path.dirname(p)
        under = [q for q in self.files if q.startswith(d + "/")]
        if any(q in self.locked or q in touched for q in under):
            return
        if delete:
            for q in under:
                self.files.pop(q)
                self.editable.remove(q)
            ops.append(("D", d))
            return
        new = d + "_v2"
        if any(q.startswith(new + "/") for q in self.files) or new in self.files:
            return
        for q in under:
            nq = new + q[len(d):]
            self.files[nq] = self.files.pop(q)
            self.editable.remove(q)
            self.editable.add(nq)
            touched.add(nq)
        ops.append(("R", d, new))

    # ---- feature branches
    def start_side(self):
        self.branch_count += 1
        paths = set()
        for _ in range(self.rng.randint(3, 15)):
            p = self.pick_editable()
            if p:
                paths.add(p)
        if not paths:
            return
        self.locked |= paths
        self.side = {"ref": "refs/heads/feature/%d" % self.branch_count, "fork": self.head_mark,
                     "tip": None, "paths": sorted(paths), "data": {},
                     "left": self.rng.randint(3, 40)}

    def side_commit(self):
        s = self.side
        ops = []
        for _ in range(self.rng.randint(1, 3)):
            p = s["paths"][self.rng.randrange(len(s["paths"]))]
            data = s["data"].get(p) or self.content(p)
            new = self.edited(data)
            s["data"][p] = new
            ops.append(("M", p, self.blob(new)))
        s["tip"] = self.commit(s["ref"], "%s %s\n" % (self.rng.choice(VERBS),
                                                    os.path.basename(ops[0][1])),
                               ops, parent=s["fork"] if s["tip"] is None else None)
        s["left"] -= 1

    def end_side(self):
        s = self.side
        self.side = None
        self.locked -= set(s["paths"])
        if s["tip"] is None:
            return
        if self.rng.random() < 0.15:
            return          # abandoned: the branch stays as a ref, never merged
        ops = []
        for p, data in sorted(s["data"].items()):
            if p in self.files:
                self.put(p, data, ops=ops)
        self.commit("refs/heads/main", "Merge branch '%s'\n" % s["ref"][len("refs/heads/"):],
                    ops, merge=s["tip"])

    # ---- planted secrets
    def planted_events(self, N):
        files = {p: (text, exp) for p, text, exp in planted.plants(self.a.seed)}
        tok = planted.tokens(self.a.seed)
        ev = {}

        def add(paths, msg, stay=False):
            def run():
                ops = []
                for p in paths:
                    text, _ = files[p]
                    self.put(p, text.encode(), editable=False, ops=ops)
                c = self.commit("refs/heads/main", msg, ops)
                for p in paths:
                    for line, rule in files[p][1]:
                        self.manifest.append([c, p, line, rule, stay])
            return run

        def remove(paths, msg, replace=None):
            def run():
                ops = []
                for p in paths:
                    if replace and p in replace:
                        self.put(p, replace[p].encode(), editable=False, ops=ops)
                    else:
                        self.delete(p, ops)
                self.commit("refs/heads/main", msg, ops)
            return run

        def insert_line():
            p = None
            for _ in range(200):
                q = self.pick_editable()
                if q and not q.startswith("cpython/") and len(self.content(q)) > 20000:
                    p = q
                    break
            if p is None:
                return
            line_text, rule = planted.inserts(self.a.seed)[0]
            data = self.content(p)
            lines = data.split(b"\n")
            at = len(lines) // 2
            lines.insert(at, line_text.rstrip("\n").encode())
            ops = []
            self.put(p, b"\n".join(lines), ops=ops)
            self.locked.add(p)
            c = self.commit("refs/heads/main", "Wire the CI token into %s\n" % os.path.basename(p),
                            ops)
            self.manifest.append([c, p, at + 1, rule, False])
            self.pending_revert = (p, data)

        def revert_line():
            p, data = self.pending_revert
            ops = []
            self.put(p, data, ops=ops)
            self.locked.discard(p)
            self.commit("refs/heads/main", "Revert the CI token change\n", ops)

        def branch_only():
            p = "web/src/billing.js"
            text, exp = files[p]
            self.branch_count += 1
            c = self.commit("refs/heads/wip/billing", "WIP: live billing\n",
                            [("M", p, self.blob(text.encode()))], parent=self.head_mark)
            for line, rule in exp:
                self.manifest.append([c, p, line, rule, False])

        def message():
            msg = ("Rotate the notification bot token\n\n"
                   "The old one leaked in a paste:\n%s\n" % tok["slack"])
            ops = []
            p = self.pick_editable()
            if p:
                self.put(p, self.edited(self.content(p)), ops=ops)
            c = self.commit("refs/heads/main", msg, ops)
            self.manifest.append([c, "(commit message)", 4, "slack-bot-token", False])

        def at(frac):
            return max(2, int(N * frac))

        ev[at(0.15)] = add(["deploy/aws/credentials"], "Add deployment credentials\n")
        ev[at(0.15) + 40] = remove(["deploy/aws/credentials"], "Remove credentials from repo\n")
        ev[at(0.30)] = insert_line
        ev[at(0.30) + 25] = revert_line
        ev[at(0.45)] = add(["services/api/.env", "config/database.yml"], "Add API settings\n")
        ev[at(0.45) + 200] = remove(
            ["services/api/.env", "config/database.yml"], "Read settings from the environment\n",
            replace={"config/database.yml":
                     "production:\n  adapter: postgresql\n  url: <%= ENV['DATABASE_URL'] %>\n"})
        ev[at(0.55)] = add(["deploy/keys/deploy_rsa", "config/tls.yaml"], "Add deploy keys\n")
        ev[at(0.55) + 60] = remove(["deploy/keys/deploy_rsa", "config/tls.yaml"],
                                   "Move keys to the vault\n")
        ev[at(0.65)] = branch_only
        six = ["scripts/release.sh", "services/notify/slack.py", "notebooks/summarize.py",
               "mobile/app/google-services.json", "ci/gitlab-mirror.sh"]
        ev[at(0.75)] = add(six, "Add ops tooling\n")
        ev[at(0.75) + 100] = remove(six, "Drop ops tooling\n")
        ev[at(0.80)] = add(["services/mail/settings.py", "tools/assistant/config.toml"],
                           "Add mail and assistant settings\n", stay=True)
        ev[at(0.85)] = add(["web/.npmrc"], "Publish from CI\n", stay=True)
        ev[at(0.90)] = message
        return ev


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--commits", type=int, default=30000)
    ap.add_argument("--target-bytes", type=float, default=3e9)
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--pyenv", default="/root/.pyenv/versions")
    ap.add_argument("--manifest", required=True)
    ap.add_argument("--summary", required=True)
    a = ap.parse_args()
    out = open(sys.stdout.fileno(), "wb", buffering=1 << 20, closefd=False)
    g = Gen(a, out)
    g.run()
    out.flush()
    with open(a.manifest, "w") as f:
        for c, p, line, rule, stay in g.manifest:
            f.write(":%d\t%s\t%d\t%s\t%s\n" % (c, p, line, rule, "in_head" if stay else "history"))
    with open(a.summary, "w") as f:
        f.write("commits %d\nmerges %d\nbranches %d\ndistinct_blobs %d\ndistinct_blob_bytes %d\n"
                "files_in_head %d\n" % (g.commits, g.merges, g.branch_count, g.blobs,
                                        g.distinct_bytes, len(g.files)))


if __name__ == "__main__":
    main()
