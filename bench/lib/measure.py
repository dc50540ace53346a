#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Runs benchmark commands alternating, records wall time and peak memory, prints the table.

    measure.py run --group NAME --spec FILE --runs N --results FILE
        FILE (spec): one command per line, tab-separated: role, label, threads, runs, command.
        role is floor, peer or keyhound; threads "-" when the tool has no such knob; runs "-"
        for the default N. One warm-up round first (page cache, lazy loading; skipped for a
        command measured once), then N rounds;
        in each round every command runs once, in spec order, so a slow period of the
        machine hits every figure alike. Each command runs under `sh -c`; wall time is
        measured around it, peak RSS is GNU time's %M (the shell and what it waited for).
        Appends one line per run to the results file.
    measure.py table --results FILE
        Prints one markdown table: per figure the median, min-max, peak RSS, and the ratio
        of keyhound's median to each floor and peer of its group (below 1 = keyhound faster).
"""
import argparse
import os
import statistics
import subprocess
import sys
import time


def run_one(cmd, rss_file):
    """Wall time around the command; peak RSS from GNU time, which forks the shell from its
    own small process (ru_maxrss of a child forked straight from this Python process would
    start at Python's own size)."""
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M %x", "-o", rss_file, "sh", "-c", cmd],
                       stdin=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    rss, rc = 0.0, p.returncode
    try:
        with open(rss_file) as f:
            last = f.read().strip().split("\n")[-1].split()
        rss, rc = int(last[0]) / 1024.0, int(last[1])
    except (OSError, ValueError, IndexError):
        pass
    return wall, rss, rc


def cmd_run(a):
    rows = []
    with open(a.spec) as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            role, label, threads, runs, cmd = line.split("\t", 4)
            rows.append((role, label, threads, a.runs if runs == "-" else int(runs), cmd))
    if not rows:
        return
    out = open(a.results, "a")
    total = max(r[3] for r in rows)
    for rnd in range(total + 1):              # round 0 is the warm-up, not recorded
        for role, label, threads, runs, cmd in rows:
            if rnd > runs or (rnd == 0 and runs < 2):
                continue        # a command measured once (slow peers) gets no warm-up
            wall, rss, rc = run_one(cmd, a.results + ".rss")
            tag = "warm-up" if rnd == 0 else "run %d/%d" % (rnd, runs)
            sys.stderr.write("  %-10s %-9s %-38s t=%-2s %8.3f s %8.1f MB rc=%d\n"
                             % (a.group[:10], tag, label[:38], threads, wall, rss, rc))
            if rnd > 0:
                out.write("\t".join([a.group, role, label, threads, "%.4f" % wall, "%.1f" % rss,
                                     str(rc)]) + "\n")
                out.flush()


def fmt_s(x):
    return "%.3f" % x if x < 10 else "%.2f" % x


def fmt_mb(x):
    return "%.1f" % x if x < 10 else "%.0f" % x


def cmd_table(a):
    figs = {}
    order = []
    with open(a.results) as f:
        for line in f:
            g, role, label, threads, wall, rss, rc = line.rstrip("\n").split("\t")
            key = (g, role, label, threads)
            if key not in figs:
                figs[key] = []
                order.append(key)
            figs[key].append((float(wall), float(rss), int(rc)))
    med = {k: statistics.median(w for w, _, _ in v) for k, v in figs.items()}
    print("| group | figure | threads | median s | min-max s | runs | peak RSS MB | "
          "keyhound / floor or peer |")
    print("|---|---|---|---|---|---|---|---|")
    for k in order:
        g, role, label, threads = k
        v = figs[k]
        ws = [w for w, _, _ in v]
        bad = sorted({rc for _, _, rc in v if rc not in (0, 1)})
        ratios = []
        if role == "keyhound":
            for o in order:
                og, orole, olabel, othreads = o
                if og != g or orole == "keyhound":
                    continue
                if othreads != "-" and threads != "-" and othreads != threads:
                    continue
                r = med[k] / med[o]
                ratios.append(("%.2fx %s" if r >= 0.1 else "%.2gx %s") % (r, olabel))
        name = label + ("" if role == "keyhound" else " (%s)" % role)
        if bad:
            name += " **exit %s**" % ",".join(map(str, bad))
        print("| %s | %s | %s | %s | %s-%s | %d | %s | %s |"
              % (g, name, threads, fmt_s(med[k]), fmt_s(min(ws)), fmt_s(max(ws)), len(ws),
                 fmt_mb(max(r for _, r, _ in v)), "; ".join(ratios)))


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("--group", required=True)
    r.add_argument("--spec", required=True)
    r.add_argument("--runs", type=int, default=5)
    r.add_argument("--results", required=True)
    t = sub.add_parser("table")
    t.add_argument("--results", required=True)
    a = ap.parse_args()
    cmd_run(a) if a.cmd == "run" else cmd_table(a)


if __name__ == "__main__":
    main()
