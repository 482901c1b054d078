#!/usr/bin/env python3
"""Latency of normal requests to `mentorbook serve` while hostile clients are
connected, against the same requests with none, in the same run.

    python3 benches/serve_load.py [--hostile 50] [--seconds 20] [--baseline 5]
                                  [--large-kb 2048] [--binary PATH]

It copies the default playbook (playbook.yaml, content/, data/, templates/,
static/) to a temporary folder, adds one page of --large-kb KiB (the default
playbook's largest file is 43 KB, which socket buffers would swallow whole),
starts `mentorbook serve --port 0` on loopback and then:
  1. baseline: for --baseline seconds, requests the home page over and over,
     each on a new connection, and times each answer;
  2. hostile: starts --hostile clients in a separate process, a quarter of each
     kind, each reconnecting whenever the server drops it:
       - slow readers: ask for the large page and read 1 KiB every half second,
       - pipeliners: send 100 requests for the large page and never read,
       - idle sockets: connect and send nothing,
       - live-reload streams that open, wait up to a second and disconnect;
     and for --seconds seconds times the same normal requests as in 1.
It prints p50, p99 and max of both phases, their ratio, the connections each
kind of hostile client opened (more than its share: the server dropped it and
it came back) and the server's peak thread count, and exits 1 if
a normal request failed or took over 100 ms while hostile clients were
connected. Bounded: about --hostile + 2 sockets and threads on the client side
at any time, --baseline + --seconds + a few seconds of wall time.
Release binary expected: cargo build --release.
"""

import argparse
import multiprocessing
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

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SITE_PARTS = ["playbook.yaml", "content", "data", "snippets", "templates", "static"]
LIMIT_MS = 100.0
KINDS = ["slow reader", "pipeliner", "idle socket", "reload stream"]


def copy_site(into, large_kb):
    for part in SITE_PARTS:
        source = os.path.join(ROOT, part)
        if os.path.isdir(source):
            shutil.copytree(source, os.path.join(into, part))
        elif os.path.isfile(source):
            shutil.copy(source, into)
    paragraph = "A long page for the load test, read slowly by hostile clients. " * 16 + "\n\n"
    body = paragraph * (large_kb * 1024 // len(paragraph) + 1)
    with open(os.path.join(into, "content", "load-test-large.md"), "w") as page:
        page.write("---\ntitle: Load test\n---\n" + body)


def start(binary, site):
    server = subprocess.Popen(
        [binary, "serve", site, "--port", "0", "--as-of", "2026-11-24"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for line in server.stdout:
        found = re.search(r"http://([0-9.]+):(\d+)/", line)
        if found:
            threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()
            return server, (found.group(1), int(found.group(2)))
    server.kill()
    sys.exit("mentorbook serve did not start")


def request(address, path):
    """GET `path` on a new connection: (ms, complete)."""
    host = "%s:%d" % address
    started = time.perf_counter()
    try:
        with socket.create_connection(address, timeout=5) as sock:
            sock.sendall(("GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n"
                          % (path, host)).encode())
            data = b""
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                data += chunk
        ok = data.startswith(b"HTTP/1.1 200") and data.rstrip().endswith(b"</html>")
    except OSError:
        ok = False
    return (time.perf_counter() - started) * 1000, ok


def measure(address, seconds, pause=0.02):
    times, failures = [], 0
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        ms, ok = request(address, "/")
        times.append(ms)
        failures += not ok
        time.sleep(pause)
    return times, failures


# The hostile clients: each runs until `stop`, reconnecting when dropped, and
# counts in `made` the connections it opened.

def count(made):
    with made.get_lock():
        made.value += 1


def slow_reader(address, host, stop, made):
    while not stop.is_set():
        try:
            with socket.create_connection(address, timeout=30) as sock:
                count(made)
                sock.sendall(b"GET /load-test-large/ HTTP/1.1\r\nHost: %s\r\n\r\n" % host)
                while not stop.is_set():
                    if not sock.recv(1024):
                        break
                    stop.wait(0.5)
        except OSError:
            pass


def pipeliner(address, host, stop, made):
    one = b"GET /load-test-large/ HTTP/1.1\r\nHost: %s\r\n\r\n" % host
    while not stop.is_set():
        try:
            with socket.create_connection(address, timeout=1) as sock:
                count(made)
                sock.sendall(one * 100)
                # Never read: wait for the server to give up on us.
                while not stop.is_set():
                    try:
                        sock.sendall(one)
                    except socket.timeout:
                        pass
                    stop.wait(0.5)
        except OSError:
            pass


def idle_socket(address, host, stop, made):
    while not stop.is_set():
        try:
            with socket.create_connection(address, timeout=0.5) as sock:
                count(made)
                while not stop.is_set():
                    try:
                        if not sock.recv(1):
                            break
                    except socket.timeout:
                        pass
        except OSError:
            pass


def reload_stream(address, host, stop, made):
    turn = 0
    while not stop.is_set():
        turn += 1
        try:
            with socket.create_connection(address, timeout=5) as sock:
                count(made)
                sock.sendall(b"GET /__mentorbook/events HTTP/1.1\r\nHost: %s\r\n\r\n" % host)
                sock.recv(1024)
                stop.wait(0.25 * (turn % 4 + 1))
        except OSError:
            pass


def hostile(address, clients, stop, ready, made):
    """`clients` hostile clients on threads of this process."""
    host = ("%s:%d" % address).encode()
    kinds = [slow_reader, pipeliner, idle_socket, reload_stream]
    threads = [threading.Thread(target=kinds[i % 4], args=(address, host, stop, made[i % 4]),
                                daemon=True) for i in range(clients)]
    for thread in threads:
        thread.start()
    ready.set()
    stop.wait()
    for thread in threads:
        thread.join(timeout=3)


def threads_of(pid):
    try:
        return len(os.listdir("/proc/%d/task" % pid))
    except OSError:
        return 0


def summary(name, times, failures):
    times = sorted(times)
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print("%-9s %5d requests  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  failed %d"
          % (name, len(times), statistics.median(times), p99, times[-1], failures))
    return p99


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--hostile", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--baseline", type=float, default=5)
    parser.add_argument("--large-kb", type=int, default=2048)
    parser.add_argument("--binary", default=os.path.join(ROOT, "target/release/mentorbook"))
    args = parser.parse_args()
    if not 0 < args.hostile <= 150:
        sys.exit("--hostile: between 1 and 150 (the script stays under ~200 sockets)")
    tmp = tempfile.mkdtemp(prefix="mentorbook-load-")
    site = os.path.join(tmp, "site")
    os.makedirs(site)
    copy_site(site, args.large_kb)
    server, address = start(args.binary, site)
    try:
        request(address, "/")
        base, base_failed = measure(address, args.baseline)
        stop, ready = multiprocessing.Event(), multiprocessing.Event()
        made = [multiprocessing.Value("i", 0) for _ in KINDS]
        attack = multiprocessing.Process(target=hostile,
                                         args=(address, args.hostile, stop, ready, made))
        attack.start()
        ready.wait(10)
        time.sleep(1)  # let them connect and fill their connections' buffers
        peak = [threads_of(server.pid)]
        sampler_stop = threading.Event()

        def sample():
            while not sampler_stop.wait(0.5):
                peak.append(threads_of(server.pid))
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        loaded, loaded_failed = measure(address, args.seconds)
        sampler_stop.set()
        stop.set()
        attack.join(10)
        if attack.is_alive():
            attack.kill()
    finally:
        server.kill()
        server.wait()
        shutil.rmtree(tmp, ignore_errors=True)

    print("mentorbook serve, default playbook + a %d KiB page, %d hostile clients for %g s"
          % (args.large_kb, args.hostile, args.seconds))
    base_p99 = summary("baseline", base, base_failed)
    loaded_p99 = summary("hostile", loaded, loaded_failed)
    print("p99 ratio hostile/baseline: %.2f" % (loaded_p99 / base_p99))
    print("server threads at most: %d; hostile connections opened: %s"
          % (max(peak), ", ".join("%s %d" % (k, m.value) for k, m in zip(KINDS, made))))
    slow = [ms for ms in loaded if ms > LIMIT_MS]
    if slow or loaded_failed:
        print("FAIL: %d normal requests over %d ms, %d failed, while hostile clients were "
              "connected" % (len(slow), LIMIT_MS, loaded_failed))
        return 1
    print("ok: every normal request answered within %d ms" % LIMIT_MS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
