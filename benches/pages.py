#!/usr/bin/env python3
"""Page sizes: the largest file of each kind of page a build writes, and the
whole output, at several program sizes (see BENCHMARKS.md, "Page sizes").

    python3 benches/pages.py [--pairs 1000,10000,50000] [--binary PATH]
                             [--limit-kb 500] [--keep]

Each size is generated with examples/synthetic/generate.py (its default
cohorts: one per 250 pairs) into /tmp, built with the release binary as of
2026-11-24 (the date the generator designs its statuses for), measured, and
deleted unless --keep (a 50,000-pair site takes about 3 GB). Prints a Markdown
table: a row per kind, a column per size, each cell the largest file's size
(and, under the table, which file it was at the largest size). Pages (HTML)
over --limit-kb are listed at the end and make the exit status 1; exports
(progress.csv/json: downloads for spreadsheets, not pages) are reported but
not held to it.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AS_OF = "2026-11-24"

# (kind, test on the output path), first match wins. Kinds that are pages
# end in "page" or are listed in PAGE_KINDS.
KINDS = [
    ("home page", lambda p: p == "index.html"),
    ("dashboard", lambda p: p == "progress/index.html"),
    ("attention page", lambda p: p.startswith("progress/attention/")),
    ("people index", lambda p: p == "people/index.html"),
    ("people by initial", lambda p: p.startswith("people/initial/")),
    ("person page", lambda p: re.fullmatch(r"people/[^/]+/index\.html", p)),
    ("person calendar", lambda p: re.fullmatch(r"people/[^/]+/sessions\.ics", p)),
    ("pair page", lambda p: re.fullmatch(r"pairs/[^/]+/index\.html", p)),
    ("pair calendar", lambda p: re.fullmatch(r"pairs/[^/]+/sessions\.ics", p)),
    ("cohort calendar", lambda p: p.endswith("/sessions.ics")),
    ("print page", lambda p: p == "print/index.html"),
    ("search index", lambda p: p.startswith("search/")),
    ("export (download)", lambda p: p in ("progress.csv", "progress.json", "goals.csv")),
    ("program calendar (before)", lambda p: p == "calendar.ics"),
    ("static", lambda p: p.startswith("static/")),
    ("other", lambda p: not p.endswith(".html")),
    # Content pages: a cohort's roster page is told by its calendar beside it.
    ("cohort page", None),
    ("content page", lambda p: p.endswith(".html")),
]
NOT_PAGES = {"export (download)", "static", "other", "search index", "person calendar",
             "pair calendar", "cohort calendar", "program calendar (before)"}


def kind_of(path, rosters):
    for kind, test in KINDS:
        if test is None:
            if path in rosters:
                return kind
            continue
        if test(path):
            return kind
    return "other"


def measure(public):
    files = []
    for folder, _, names in os.walk(public):
        for name in names:
            full = os.path.join(folder, name)
            files.append((os.path.relpath(full, public).replace(os.sep, "/"),
                          os.path.getsize(full)))
    paths = {p for p, _ in files}
    rosters = {p[: -len("sessions.ics")] + "index.html" for p in paths
               if p.endswith("/sessions.ics") and not p.startswith(("pairs/", "people/"))}
    largest = {}
    for path, size in files:
        kind = kind_of(path, rosters)
        if kind not in largest or size > largest[kind][0]:
            largest[kind] = (size, path)
    total = sum(size for _, size in files)
    return largest, total, len(files)


def kb(n):
    return f"{n / 1024:,.0f} KB" if n < 1024 * 1024 * 10 else f"{n / 1024 / 1024:,.1f} MB"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pairs", default="1000,10000,50000")
    ap.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "mentorbook"))
    ap.add_argument("--limit-kb", type=int, default=500)
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    sizes = [int(n) for n in args.pairs.split(",")]
    results = {}
    for n in sizes:
        work = tempfile.mkdtemp(prefix=f"pages-{n}-", dir="/tmp")
        site, public = os.path.join(work, "site"), os.path.join(work, "public")
        try:
            subprocess.run([sys.executable, os.path.join(ROOT, "examples", "synthetic", "generate.py"),
                            "--pairs", str(n), "--out", site], check=True, stdout=subprocess.DEVNULL)
            start = time.monotonic()
            subprocess.run([args.binary, "build", site, "--out", public, "--as-of", AS_OF],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            seconds = time.monotonic() - start
            results[n] = measure(public) + (seconds,)
            print(f"{n} pairs: built in {seconds:.1f} s", file=sys.stderr)
        finally:
            if args.keep:
                print(f"kept {work}", file=sys.stderr)
            else:
                shutil.rmtree(work, ignore_errors=True)

    kinds = [k for k, _ in KINDS if any(k in r[0] for r in results.values())]
    print("| largest file of each kind | " + " | ".join(f"{n:,} pairs" for n in sizes) + " |")
    print("| --- |" + " ---: |" * len(sizes))
    for kind in kinds:
        cells = [kb(results[n][0][kind][0]) if kind in results[n][0] else "—" for n in sizes]
        print(f"| {kind} | " + " | ".join(cells) + " |")
    print("| **whole output** | " + " | ".join(
        f"{kb(results[n][1])} in {results[n][2]:,} files" for n in sizes) + " |")
    print()
    biggest = sizes[-1]
    print(f"Largest of each kind at {biggest:,} pairs: " + "; ".join(
        f"{kind} `{results[biggest][0][kind][1]}`" for kind in kinds if kind in results[biggest][0]))
    over = [(n, kind, size, path) for n in sizes for kind, (size, path) in results[n][0].items()
            if kind not in NOT_PAGES and size > args.limit_kb * 1024]
    for n, kind, size, path in over:
        print(f"OVER {args.limit_kb} KB at {n:,} pairs: {kind} {path} ({kb(size)})", file=sys.stderr)
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
