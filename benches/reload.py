#!/usr/bin/env python3
"""Edit-to-reload time of `mentorbook serve`, against a full `mentorbook build`
of the same site in the same run.

    python3 benches/reload.py [--site DIR | --pairs N | --pages N] [--runs 7] [--binary PATH]

With --pairs N it first generates a synthetic program of N pairs
(examples/synthetic/generate.py) into a temporary folder; with --pages N, N
pages of ../shared/bench/gen_corpus.py (the pages benches/build.py gives
Hugo). It then:
  1. times `mentorbook build` of the site (the peer: a cold build to disk),
  2. starts `mentorbook serve --port 0`, opens the live-reload stream,
  3. appends a line to a Markdown page and measures the time until
     (a) the reload event arrives and (b) the page is served with the edit,
and prints medians and the ratio edit-to-visible / cold build.
Release binary expected: cargo build --release.
"""

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GEN_CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "bench", "gen_corpus.py")


def generate(pairs, out):
    subprocess.run(
        [sys.executable, os.path.join(ROOT, "examples/synthetic/generate.py"),
         "--pairs", str(pairs), "--out", out],
        check=True, stdout=subprocess.DEVNULL)


def served(url):
    """The page, refusing an error overlay (which quotes the edited line)."""
    html = urllib.request.urlopen(url).read().decode("utf-8")
    if "id=\"mentorbook-overlay\"" in html:
        sys.exit("the edit broke the build: %s" % url)
    return html


def edited_page(site):
    """The home page's source if there is one, else the first page."""
    content = os.path.join(site, "content")
    if os.path.exists(os.path.join(content, "_index.md")):
        return "_index.md"
    pages = []
    for folder, _, files in os.walk(content):
        pages += [os.path.relpath(os.path.join(folder, f), content)
                  for f in files if f.endswith(".md") and f != "_index.md"]
    return sorted(pages)[0]


def url_of(rel):
    stem = rel[:-len(".md")]
    if stem == "_index":
        return ""
    if stem.endswith("/_index"):
        return stem[:-len("_index")]
    return stem + "/"


def cold_build(binary, site, out, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([binary, "build", site, "--out", out, "--as-of", "2026-11-24"],
                       check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


class Events(threading.Thread):
    """Reads the server-sent events stream; sets `fired` on each reload."""

    def __init__(self, address):
        super().__init__(daemon=True)
        host, port = address.split(":")
        self.sock = socket.create_connection((host, int(port)))
        self.sock.sendall(b"GET /__mentorbook/events HTTP/1.1\r\nHost: %s\r\n\r\n"
                          % address.encode())
        self.fired = threading.Event()

    def run(self):
        buffer = b""
        while True:
            chunk = self.sock.recv(4096)
            if not chunk:
                return
            buffer += chunk
            while b"\n\n" in buffer:
                message, buffer = buffer.split(b"\n\n", 1)
                if b"event: reload" in message:
                    self.fired.set()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--site")
    parser.add_argument("--pairs", type=int)
    parser.add_argument("--pages", type=int)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--front-matter", action="store_true",
                        help="edit the page's description (front matter: every page is rendered) "
                             "instead of appending to its body")
    parser.add_argument("--binary", default=os.path.join(ROOT, "target/release/mentorbook"))
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="mentorbook-reload-")
    try:
        if args.pairs:
            site = os.path.join(work, "site")
            generate(args.pairs, site)
        elif args.pages:
            site = os.path.join(work, "site")
            subprocess.run(
                [sys.executable, GEN_CORPUS, "--tool", "mentorbook", "--pages", str(args.pages),
                 "--out", site], check=True, stdout=subprocess.DEVNULL)
        else:
            site = os.path.join(work, "site")
            source = args.site or ROOT
            os.makedirs(site)
            for part in ("content", "data", "snippets", "playbook.yaml", "templates", "static"):
                path = os.path.join(source, part)
                if os.path.isdir(path):
                    shutil.copytree(path, os.path.join(site, part))
                elif os.path.isfile(path):
                    shutil.copy(path, os.path.join(site, part))
        build = cold_build(args.binary, site, os.path.join(work, "out"), args.runs)

        server = subprocess.Popen(
            [args.binary, "serve", site, "--port", "0", "--as-of", "2026-11-24"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            address = None
            for line in server.stdout:
                if "http://" in line:
                    address = line.split("http://", 1)[1].split("/", 1)[0]
                    break
            threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()
            rel = edited_page(site)
            page = os.path.join(site, "content", rel)
            url = "http://%s/%s" % (address, url_of(rel))
            events = Events(address)
            events.start()
            time.sleep(0.5)
            reload_times, visible_times = [], []
            for run in range(args.runs):
                marker = "Reload marker %d." % run
                events.fired.clear()
                start = time.perf_counter()
                if args.front_matter:
                    with open(page, encoding="utf-8") as f:
                        text = f.read()
                    text = re.sub(r"(?m)^description: .*$", "description: %s" % marker,
                                  text, count=1)
                    if marker not in text:
                        text = text.replace("---\n", "---\ndescription: %s\n" % marker, 1)
                    with open(page, "w", encoding="utf-8") as f:
                        f.write(text)
                else:
                    with open(page, "a", encoding="utf-8") as f:
                        f.write("\n%s\n" % marker)
                if not events.fired.wait(30):
                    sys.exit("no reload event within 30 s")
                reload_times.append(time.perf_counter() - start)
                while marker not in served(url):
                    time.sleep(0.005)
                visible_times.append(time.perf_counter() - start)
                time.sleep(0.3)
        finally:
            server.kill()
            server.wait()
        reload_ms = statistics.median(reload_times) * 1000
        visible_ms = statistics.median(visible_times) * 1000
        if args.pairs:
            label = "%d synthetic pairs" % args.pairs
        elif args.pages:
            label = "%d gen_corpus pages" % args.pages
        else:
            label = args.site or "content/"
        label += ", editing the %s of content/%s" % (
            "front matter" if args.front_matter else "body", rel)
        print("site: %s" % label)
        print("cold build (peer):   %8.1f ms (median of %d)" % (build * 1000, args.runs))
        print("edit to reload event:%8.1f ms (median of %d)" % (reload_ms, args.runs))
        print("edit to visible:     %8.1f ms (median of %d)" % (visible_ms, args.runs))
        print("ratio edit-to-visible / cold build: %.2f" % (visible_ms / (build * 1000)))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
