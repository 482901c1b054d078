#!/usr/bin/env python3
"""Time of `mentorbook match` on a large, deterministic sign-up list.

    python3 benches/match.py [--mentors 500] [--mentees 500] [--runs 5] [--binary PATH]

Generates a minimal site and a sign-up list of N mentors and M mentees (a
seeded random mix of skills, interests, work styles, teams and managers, so
the hard rules exclude some combinations) in a temporary folder, runs
`mentorbook match` on it --runs times and prints the median wall time.
Release binary expected: cargo build --release.
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SKILLS = [f"skill {i}" for i in range(24)]
INTERESTS = [f"interest {i}" for i in range(16)]
STYLES = ["remote", "hybrid", "in person"]


def signups(mentors, mentees, seed=7):
    rng = random.Random(seed)
    managers = [f"manager-{i:03d}" for i in range(40)]
    rows = ["id,name,role,team,reports_to,side,can_teach,wants_to_learn,"
            "interests,work_style,capacity,avoid"]
    for m in managers:
        rows.append(f"{m},Manager {m[-3:]},Manager,Team {int(m[-3:]) % 12},,mentor,,,,,0,")
    for i in range(mentors):
        rows.append(",".join([
            f"mentor-{i:04d}", f"Mentor {i}", "Junior", f"Team {rng.randrange(12)}",
            rng.choice(managers), "mentor", ";".join(rng.sample(SKILLS, 3)), "",
            ";".join(rng.sample(INTERESTS, 2)), rng.choice(STYLES), "1", ""]))
    for i in range(mentees):
        avoid = f"mentor-{rng.randrange(mentors):04d}" if rng.random() < 0.1 else ""
        rows.append(",".join([
            f"mentee-{i:04d}", f"Mentee {i}", "Senior", f"Team {rng.randrange(12)}",
            rng.choice(managers), "mentee", "", ";".join(rng.sample(SKILLS, 3)),
            ";".join(rng.sample(INTERESTS, 2)), rng.choice(STYLES), "", avoid]))
    return "\n".join(rows) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mentors", type=int, default=500)
    parser.add_argument("--mentees", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--binary", default=os.path.join(ROOT, "target/release/mentorbook"))
    args = parser.parse_args()
    if not os.path.exists(args.binary):
        sys.exit(f"{args.binary} not found: run cargo build --release")
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "content"))
        with open(os.path.join(tmp, "content/_index.md"), "w") as f:
            f.write("---\ntitle: Bench\n---\n")
        csv = os.path.join(tmp, "signups.csv")
        with open(csv, "w") as f:
            f.write(signups(args.mentors, args.mentees))
        times = []
        for run in range(args.runs):
            out = os.path.join(tmp, f"draft-{run}.md")
            started = time.perf_counter()
            done = subprocess.run(
                [args.binary, "match", tmp, "--signups", csv, "--out", out,
                 "--cohort", "Bench", "--start", "2027-01-04"],
                capture_output=True, text=True)
            times.append(time.perf_counter() - started)
            if done.returncode != 0:
                sys.exit(done.stderr)
        summary = done.stdout.strip()
        first = open(os.path.join(tmp, "draft-0.md"), "rb").read()
        same = all(open(os.path.join(tmp, f"draft-{r}.md"), "rb").read() == first
                   for r in range(args.runs))
    print(f"{args.mentors} mentors x {args.mentees} mentees: median "
          f"{statistics.median(times) * 1000:.0f} ms over {args.runs} runs "
          f"(min {min(times) * 1000:.0f} ms); identical drafts: {same}")
    print(summary)


if __name__ == "__main__":
    main()
