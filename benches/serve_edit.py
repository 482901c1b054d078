#!/usr/bin/env python3
"""Edit to visible in `mentorbook serve`: from the file write to the moment a
GET of the changed page returns the new content, and to the moment the
live-reload event arrives; median and p90 over repeated edits, against the
100 ms target.

    python3 benches/serve_edit.py [--pairs 5000] [--pages 10000] [--edits 20] [--binary PATH]

  (a) --pairs N: a synthetic program of N pairs (examples/synthetic/generate.py);
      each edit adds a session to the first pair of a roster (taking the
      previous edit's session out), and the pair's page is fetched until it
      changes.
  (b) --pages N: N pages of ../shared/bench/gen_corpus.py (as benches/build.py
      makes them); each edit appends a line to a page's body, and the page is
      fetched until it shows the line.
Both run unless one is given. Release binary expected: cargo build --release.
The server's own "Re-rendered N pages in M ms" lines are summarised too.
"""

import argparse
import datetime
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reload  # noqa: E402  (its site makers, event reader and page fetcher)

ROOT = reload.ROOT


def p90(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))]


def fetch(url):
    return reload.served(url)


class Server:
    """`mentorbook serve` on a free port, its "Re-rendered" lines kept."""

    def __init__(self, binary, site):
        self.process = subprocess.Popen(
            [binary, "serve", site, "--port", "0", "--as-of", "2026-11-24"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.address = None
        for line in self.process.stdout:
            if "http://" in line:
                self.address = line.split("http://", 1)[1].split("/", 1)[0]
                break
        self.rebuilds = []
        threading.Thread(target=self._read, daemon=True).start()
        self.events = reload.Events(self.address)
        self.events.start()
        time.sleep(0.5)

    def _read(self):
        for line in self.process.stdout:
            match = re.search(r"(Re-rendered|Rebuilt) (\d+) .*?pages? in (\d+) ms", line)
            if match:
                self.rebuilds.append((match.group(1), int(match.group(2)), int(match.group(3))))

    def url(self, path):
        return "http://%s/%s" % (self.address, path)

    def stop(self):
        self.process.kill()
        self.process.wait()


def measure(server, url, edits, edit, shown, before=lambda k: None):
    """Times `edits` edits: `edit(k)` writes the k-th; `shown(html, k)` says
    whether the page shows it; `before(k)` runs first, off the clock."""
    reloads, visible = [], []
    for k in range(edits):
        before(k)
        server.events.fired.clear()
        start = time.perf_counter()
        edit(k)
        while not shown(fetch(url), k):
            time.sleep(0.002)
        visible.append(time.perf_counter() - start)
        if not server.events.fired.wait(30):
            sys.exit("no reload event within 30 s")
        reloads.append(time.perf_counter() - start)
        # The server says how the rebuild went once the check, search index
        # and exports that follow the pages are done: the next edit must
        # not wait for them.
        deadline = time.time() + 60
        while len(server.rebuilds) <= k and time.time() < deadline:
            time.sleep(0.01)
        time.sleep(0.1)
    return reloads, visible


def roster_edit(site):
    """The first roster with pairs and sessions, its first pair's id, and
    an edit that adds the k-th session to that pair."""
    cohorts = os.path.join(site, "content", "cohorts")
    for name in sorted(os.listdir(cohorts)):
        path = os.path.join(cohorts, name)
        text = open(path, encoding="utf-8").read()
        match = re.search(r"(?m)^  - id: (\S+)\n(?:    .*\n)*?    sessions:\n"
                          r"      - \{date: (\d{4})-(\d\d)-(\d\d)", text)
        if match:
            break
    else:
        sys.exit("no roster with sessions in %s" % cohorts)
    pair = match.group(1)
    at = match.end(0) - len("      - {date: 2026-01-01")
    original = text
    year, month, day = (int(match.group(i)) for i in (2, 3, 4))

    first = datetime.date(year, month, day)

    def edit(k):
        # Days after the first session, which is the pair's start, and
        # before the next (a week later at the most): inside its dates.
        date = first + datetime.timedelta(days=1 + k % 5)
        status = ("held", "cancelled")[k % 2]
        line = "      - {date: %s, template: kickoff, status: %s}\n" % (date, status)
        with open(path, "w", encoding="utf-8") as f:
            f.write(original[:at] + line + original[at:])

    return "content/cohorts/" + os.path.basename(path), pair, edit


def run_pairs(binary, pairs, edits, work):
    site = os.path.join(work, "pairs-site")
    reload.generate(pairs, site)
    server = Server(binary, site)
    try:
        file, pair, edit = roster_edit(site)
        url = server.url("pairs/%s/" % pair)
        seen = {}

        def before(k):
            seen[k] = fetch(url)

        reloads, visible = measure(server, url, edits, edit,
                                   lambda html, k: html != seen[k], before)
    finally:
        server.stop()
    return "%d synthetic pairs, a session added in %s" % (pairs, file), reloads, visible, server


def run_pages(binary, pages, edits, work):
    site = os.path.join(work, "pages-site")
    subprocess.run([sys.executable, reload.GEN_CORPUS, "--tool", "mentorbook", "--pages",
                    str(pages), "--out", site], check=True, stdout=subprocess.DEVNULL)
    server = Server(binary, site)
    try:
        rel = reload.edited_page(site)
        page = os.path.join(site, "content", rel)
        url = server.url(reload.url_of(rel))

        def edit(k):
            with open(page, "a", encoding="utf-8") as f:
                f.write("\nEdit marker %d.\n" % k)

        reloads, visible = measure(server, url, edits, edit,
                                   lambda html, k: "Edit marker %d." % k in html)
    finally:
        server.stop()
    return "%d gen_corpus pages, a body edit to content/%s" % (pages, rel), reloads, visible, server


def report(label, reloads, visible, server):
    ms = lambda s: s * 1000  # noqa: E731
    print("site: %s (%d edits)" % (label, len(visible)))
    print("  edit to visible (GET shows it): median %7.1f ms   p90 %7.1f ms   target 100 ms"
          % (ms(statistics.median(visible)), ms(p90(visible))))
    print("  edit to reload event:           median %7.1f ms   p90 %7.1f ms"
          % (ms(statistics.median(reloads)), ms(p90(reloads))))
    partial = [r for r in server.rebuilds if r[0] == "Re-rendered"]
    if partial:
        print("  server: re-rendered median %d pages in median %d ms (%d of %d rebuilds partial)"
              % (statistics.median(r[1] for r in partial), statistics.median(r[2] for r in partial),
                 len(partial), len(server.rebuilds)))
    elif server.rebuilds:
        print("  server: every rebuild rendered the whole site (median %d ms)"
              % statistics.median(r[2] for r in server.rebuilds))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int)
    parser.add_argument("--pages", type=int)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--binary", default=os.path.join(ROOT, "target/release/mentorbook"))
    args = parser.parse_args()
    if not args.pairs and not args.pages:
        args.pairs, args.pages = 5000, 10000
    work = tempfile.mkdtemp(prefix="mentorbook-serve-edit-")
    try:
        if args.pairs:
            report(*run_pairs(args.binary, args.pairs, args.edits, work))
        if args.pages:
            report(*run_pages(args.binary, args.pages, args.edits, work))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
