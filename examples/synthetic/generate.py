#!/usr/bin/env python3
"""Generate a large, synthetic but valid mentorbook site.

    python3 examples/synthetic/generate.py --pairs 1000 --out /tmp/big
    python3 examples/synthetic/generate.py --pairs 5000 --cohorts 8 --seed 7 \
        --sessions-per-pair 16 --out /tmp/huge --force
    python3 examples/synthetic/generate.py --pairs 3000 --programs 3 --out /tmp/three

The site is a reverse mentoring programme at a fictional company: junior
colleagues mentor senior ones. It has a playbook.yaml, data/people.csv (a CEO,
executives, directors, managers, senior specialists and juniors, each with
`reports_to`), a goals page, a seven-step launch guide, six session templates,
one roster page per cohort, pair files for about one pair in twenty, and a
session log for every pair. Statuses as of 2026-11-24 are varied on purpose.

Guarantees, so that `mentorbook check` reports 0 errors and 0 warnings:

* a mentor is a junior and a mentee a senior from a *different executive's
  branch*, so no pair shares a reporting line (the CEO is never paired);
* every junior mentors at most once and every senior is a mentee at most
  twice, so nobody is in more than two active pairs;
* every session is dated on or after its pair's start and uses one of the six
  templates; agendas add up to their durations; no field is set both in a
  roster and in a pair file; every link points at a page that exists.

With `--programs N` (N > 1) the site holds N programs (`programs:` in
playbook.yaml), one folder each under content/ with its own goals, guide,
session templates and cohorts; the cohorts, and so the pairs, are dealt out
among them and the people are shared. `--programs 1` (the default) writes
exactly the one-program site.

Only the Python 3 standard library is used, and all randomness comes from one
`random.Random(seed)`: the same arguments give byte-identical output.
"""

import argparse
import calendar
import csv
import datetime as dt
import io
import json
import os
import shutil
import sys
from random import Random

AS_OF = dt.date(2026, 11, 24)  # the date the statuses are designed for
STALLED_AFTER = 2  # playbook.yaml: progress.stalled_after_periods
AT_RISK_BEHIND = 1  # playbook.yaml: progress.at_risk_behind
COMPANY = "Harbourline Group"
DOMAIN = "harbourline.example"

# The programs' folders and titles, for `--programs N`; beyond these,
# `program-<n>`.
PROGRAMS = [
    ("leaders", "Reverse mentoring for leaders"),
    ("graduates", "Graduate mentoring"),
    ("new-hires", "New-hire buddies"),
    ("returners", "Returners' mentoring"),
    ("managers", "New managers' mentoring"),
]

# ---------------------------------------------------------------- names

FIRST_NAMES = """
Aaliyah Aarav Abebe Ada Adrian Aisha Akira Alba Alejandro Alex Amara Amir Ana
Anders Andile Anika Anton Arjun Astrid Ava Ayesha Beatriz Ben Bianca Bilal Bo
Bruno Carla Carlos Chen Chiara Chloe Chidi Clara Daniel Dana Darius David Deepa
Diego Dmitri Ebony Elena Elif Eli Emeka Emil Emma Esra Ethan Eva Farah Felix
Fatima Femi Finn Fiona Freya Gabriel Grace Hana Hannah Hamza Hugo Ibrahim Ida
Ines Ingrid Isaac Ivan Jamal Jana Javier Jin Joao Jonah Josephine Julia Kai
Karim Kasia Kavya Kenji Kiara Kofi Lara Laila Lars Leo Lena Liam Lina Lucas
Lucia Luka Maia Malik Marco Maria Mariam Mateo Maya Mei Mila Mohammed Nadia
Naomi Nia Nikhil Nina Noah Nora Olga Omar Oscar Paolo Petra Priya Rafael Rahel
Ravi Rosa Ruby Rui Sakura Samir Sana Santiago Sara Sebastian Selin Sofia Soren
Tariq Tessa Theo Thandi Tomas Uma Valentina Vera Viktor Wei Yara Yusuf Zain
Zara Zoe
""".split()

LAST_NAMES = """
Abara Adeyemi Ahmed Alvarez Andersen Asante Bailey Banerjee Barros Becker
Bergstrom Bianchi Boateng Brennan Brooks Byrne Campbell Castillo Chen Costa
Cruz Dahl Demir Diallo Dubois Edwards Eriksen Farouk Fernandes Fischer Fontaine
Gallagher Garcia Gomez Grant Gupta Haddad Hale Hansen Hartmann Hayes Herrera
Hoffmann Horvat Hussain Ibrahim Ito Ivanova Jansen Jensen Johansson Kamara
Kaplan Karimi Kaur Keller Khan Kim Kowalski Kruger Kumar Laine Lambert Larsen
Lee Lindqvist Lopez Lund Mahmoud Marchetti Martin Mendes Mensah Meyer Moreau
Morris Murphy Nakamura Nascimento Ndlovu Nguyen Nielsen Novak Nowak Nunes
Obi Okafor Okeke Olsen Osei Ortiz Owusu Park Patel Pereira Petrov Popescu
Quinn Rahman Raman Ramos Reyes Ricci Rossi Russo Saito Santos Schmidt Schneider
Sharma Silva Singh Solberg Sousa Suzuki Tan Tanaka Taylor Torres Tran Usman
Varga Vasquez Vogel Wagner Walker Wang Watanabe Weber Williams Wong Yilmaz
Yamamoto Young Zhang Zimmermann
""".split()

# One executive branch per department: the executive's role, the department's
# team areas, and the titles used at each level below the executive.
DEPARTMENTS = [
    {
        "dept": "Technology",
        "exec": "Chief Technology Officer",
        "areas": ["Platform", "Data", "Security", "Web", "Mobile", "Infrastructure",
                  "Service Desk", "Architecture"],
        "senior": ["Senior Software Engineer", "Lead Engineer", "Principal Engineer"],
        "junior": ["Graduate Software Engineer", "Junior Data Analyst",
                   "IT Apprentice", "Service Desk Analyst", "Junior Developer"],
    },
    {
        "dept": "Operations",
        "exec": "Chief Operating Officer",
        "areas": ["Fleet", "Warehousing", "Transport Planning", "Customer Service",
                  "Facilities", "Quality", "Health and Safety", "Procurement"],
        "senior": ["Senior Operations Manager", "Site Lead", "Lead Planner"],
        "junior": ["Operations Graduate", "Planning Apprentice", "Warehouse Coordinator",
                   "Customer Service Advisor", "Logistics Trainee"],
    },
    {
        "dept": "Finance",
        "exec": "Chief Financial Officer",
        "areas": ["Financial Planning", "Accounts Payable", "Treasury", "Tax",
                  "Payroll", "Financial Control", "Audit", "Pricing"],
        "senior": ["Senior Accountant", "Finance Business Partner", "Lead Analyst"],
        "junior": ["Finance Graduate", "Accounts Apprentice", "Junior Analyst",
                   "Payroll Assistant", "Trainee Accountant"],
    },
    {
        "dept": "People",
        "exec": "Chief People Officer",
        "areas": ["Learning and Development", "Talent Acquisition", "Reward",
                  "Employee Relations", "People Analytics", "Wellbeing",
                  "Inclusion", "People Operations"],
        "senior": ["Senior HR Business Partner", "Lead Recruiter", "Reward Lead"],
        "junior": ["HR Graduate", "Recruitment Coordinator", "People Apprentice",
                   "HR Assistant", "Junior People Analyst"],
    },
    {
        "dept": "Commercial",
        "exec": "Chief Commercial Officer",
        "areas": ["Key Accounts", "New Business", "Partnerships", "Sales Operations",
                  "Bids", "Customer Success", "Channel Sales", "Inside Sales"],
        "senior": ["Senior Account Director", "Head of Bids", "Lead Account Manager"],
        "junior": ["Sales Graduate", "Account Executive", "Bid Coordinator",
                   "Sales Apprentice", "Customer Success Associate"],
    },
    {
        "dept": "Marketing",
        "exec": "Chief Marketing Officer",
        "areas": ["Brand", "Digital Marketing", "Content", "Internal Communications",
                  "Events", "Insight", "Social Media", "Design"],
        "senior": ["Senior Brand Manager", "Lead Designer", "Head of Content"],
        "junior": ["Marketing Graduate", "Content Assistant", "Junior Designer",
                   "Social Media Executive", "Marketing Apprentice"],
    },
    {
        "dept": "Product",
        "exec": "Chief Product Officer",
        "areas": ["Tracking", "Customer Portal", "Payments", "Booking", "Research",
                  "Analytics", "Growth", "Onboarding"],
        "senior": ["Senior Product Manager", "Lead User Researcher", "Group Product Manager"],
        "junior": ["Associate Product Manager", "Junior User Researcher",
                   "Product Graduate", "Product Analyst", "UX Apprentice"],
    },
    {
        "dept": "Legal",
        "exec": "General Counsel",
        "areas": ["Commercial Legal", "Compliance", "Privacy", "Company Secretariat",
                  "Risk", "Contracts", "Regulatory Affairs", "Insurance"],
        "senior": ["Senior Legal Counsel", "Head of Compliance", "Lead Privacy Counsel"],
        "junior": ["Trainee Solicitor", "Paralegal", "Compliance Graduate",
                   "Contracts Assistant", "Legal Apprentice"],
    },
]

# ---------------------------------------------------------------- content pools

TOPICS = [
    "Collaboration tools for hybrid teams", "Using AI assistants safely at work",
    "Self-service dashboards", "How graduates choose an employer",
    "Short-form video and social platforms", "Automating repetitive spreadsheet work",
    "Everyday cyber security habits", "Running meetings on the intranet",
    "Flexible working on operational teams", "What apprentices want from their first years",
    "Plain-language communication", "Customer feedback on our apps",
    "Accessibility in documents and slides", "Wellbeing and hybrid work",
    "Sustainability and how customers talk about it", "Mobile-first ways of working",
    "How decisions reach frontline teams", "Professional networking online",
    "Personal finance apps", "Inclusive language in job adverts",
    "Shared documents instead of email attachments", "Online learning platforms",
]

PAIR_GOALS = [
    "Build a personal weekly dashboard without help",
    "Run one team meeting entirely on the collaboration platform",
    "Post a monthly update on the intranet",
    "Set up multi-factor sign-in on every device",
    "Understand why apprentices leave in their second year",
    "Replace one manual report with an automated one",
    "Record a two-minute video update for the team",
    "Spend a shift with the mentor's team",
    "Rewrite one policy page in plain language",
    "Try an AI assistant on a real task and review the result together",
    "Agree three improvements to how junior colleagues are onboarded",
    "Run a job advert through an inclusive-language check",
]

NOTES = [
    "Agreed a regular slot and how to cancel.",
    "Walked through the mentor's typical week.",
    "Tried the tool live on a real task.",
    "Good conversation; both want more time on this topic.",
    "Mentee will try the new approach before the next session.",
    "Looked at how three competitors present themselves online.",
    "Feedback on the last all-hands update.",
    "Spent the session on the mentee's own inbox and calendar.",
    "Shadowed the mentor's team for the morning.",
    "Rebooked after a clash with month-end.",
    "Short session; agreed to pick up the same topic next time.",
]

TEMPLATES = [  # (id, title, order, duration, agenda, description)
    ("kickoff", "Kickoff", 1, 60,
     [(10, "Introductions beyond job titles"),
      (15, "What each of us hopes to get from the pairing"),
      (15, "Agree ground rules, cadence and how to cancel"),
      (15, "Choose two to four goals"),
      (5, "Book the next three sessions")],
     "The first session: getting to know each other, ground rules and goals."),
    ("digital-tools", "Digital tools", 2, 60,
     [(5, "Check-in"),
      (40, "Hands-on practice with one everyday tool"),
      (10, "Try it on a real task from the mentee's week"),
      (5, "Agree what to practise before next time")],
     "Hands-on practice with an everyday tool, on the mentee's own work."),
    ("ways-of-working", "Ways of working", 3, 45,
     [(5, "Check-in"),
      (15, "The mentor walks through a typical week"),
      (15, "One company process seen from the frontline"),
      (10, "What would you change, and what happens next")],
     "How work looks and feels from the mentor's side of the organisation."),
    ("shadowing", "Shadowing", 4, 90,
     [(10, "Briefing before the visit"),
      (60, "The mentee spends time in the mentor's world"),
      (20, "Debrief: what surprised you")],
     "The mentee spends time in the mentor's team, then debriefs."),
    ("reverse-feedback", "Reverse feedback", 5, 60,
     [(5, "Check-in"),
      (25, "Candid feedback on how the mentee comes across"),
      (20, "The mentee's questions and reactions"),
      (10, "One thing to try differently")],
     "Candid feedback from the junior mentor on how the leader comes across."),
    ("closing-retrospective", "Closing retrospective", 6, 75,
     [(15, "Look back at the goals from the kickoff"),
      (25, "What each of us learned"),
      (20, "Feedback for the programme"),
      (15, "What we do next and how we stay in touch")],
     "The last session: looking back, measuring progress and deciding what next."),
]
MIDDLE_TEMPLATES = ["digital-tools", "ways-of-working", "shadowing", "reverse-feedback"]

# ---------------------------------------------------------------- dates and progress


class Cadence:
    """Mirrors mentorbook's cadences: weekly, biweekly, monthly or n days."""

    def __init__(self, value):
        self.value = value  # "weekly", "biweekly", "monthly" or an int

    def yaml(self):
        return str(self.value)

    def days(self):
        return {"weekly": 7, "biweekly": 14, "monthly": 30}.get(self.value, self.value)

    def after(self, start, periods):
        if self.value == "monthly":
            month0 = start.month - 1 + periods
            year, month = start.year + month0 // 12, month0 % 12 + 1
            day = min(start.day, calendar.monthrange(year, month)[1])
            return dt.date(year, month, day)
        return start + dt.timedelta(days=self.days() * periods)

    def __eq__(self, other):
        return isinstance(other, Cadence) and self.value == other.value


def periods_between(cadence, start, date):
    if date < start:
        return 0
    n = max(0, (date - start).days // cadence.days())
    while n > 0 and cadence.after(start, n) > date:
        n -= 1
    while cadence.after(start, n + 1) <= date:
        n += 1
    return n


def pair_status(start, end, cadence, override, sessions, as_of=AS_OF):
    """The status mentorbook computes (README: "Progress, as of a date")."""
    if override in ("completed", "withdrawn"):
        return override
    if end < as_of:
        return "ended"
    if override:
        return override
    held_dates = [d for d, s, _, _ in sessions if s == "held" and d <= as_of]
    held = len(held_dates)
    # The periods passed: each session due at a period's start is late once
    # it has passed (the one due in the current period is not late yet).
    expected = periods_between(cadence, start, min(end, as_of))
    if as_of < start or (held == 0 and expected == 0):
        return "not started"
    since = max(max(held_dates, default=start), start)
    ended = end < as_of
    if cadence.after(since, STALLED_AFTER) < as_of and not ended:
        return "stalled"
    if expected >= held + AT_RISK_BEHIND:
        return "at risk"
    return "on track"


def human_date(date):
    return f"{date.day} {MONTHS[date.month - 1].capitalize()} {date.year}"


def monday_on_or_before(date):
    return date - dt.timedelta(days=date.weekday())


# ---------------------------------------------------------------- YAML helpers


def q(text):
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def slug(text):
    out = []
    for ch in text.lower():
        if ch.isalnum():
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")


# ---------------------------------------------------------------- people


class Person:
    __slots__ = ("id", "name", "first", "role", "team", "reports_to", "branch", "level")

    def __init__(self, pid, name, first, role, team, reports_to, branch, level):
        self.id, self.name, self.first = pid, name, first
        self.role, self.team, self.reports_to = role, team, reports_to
        self.branch, self.level = branch, level


def build_people(rng, n_pairs):
    """A CEO, executives, directors, managers, senior specialists and juniors."""
    n_exec = 4 if n_pairs < 100 else 6 if n_pairs < 1000 else 8
    n_junior = -(-n_pairs * 11 // 10) + 4  # every mentor is a distinct junior
    n_team = max(n_exec, -(-n_junior // 5))
    n_director = max(n_exec, -(-n_team // 4))

    combos = [(f, l) for f in FIRST_NAMES for l in LAST_NAMES]
    rng.shuffle(combos)
    used_ids = set()
    counter = [0]

    def new_name():
        i = counter[0]
        counter[0] += 1
        first, last = combos[i % len(combos)]
        lap = i // len(combos)
        name = f"{first} {last}" if lap == 0 else f"{first} {chr(65 + lap % 26)}. {last}"
        pid = base = slug(name)
        n = 2
        while pid in used_ids:
            pid = f"{base}-{n}"
            n += 1
        used_ids.add(pid)
        return pid, name, first

    people = []

    def add(role, team, reports_to, branch, level):
        pid, name, first = new_name()
        p = Person(pid, name, first, role, team, reports_to, branch, level)
        people.append(p)
        return p

    ceo = add("Chief Executive Officer", "Executive", None, None, "ceo")
    execs = [add(DEPARTMENTS[b]["exec"], "Executive", ceo.id, b, "exec") for b in range(n_exec)]

    # Directors are spread over the executives, teams over the directors.
    director_branch = [d % n_exec for d in range(n_director)]
    team_names = []
    per_branch = [0] * n_exec
    for t in range(n_team):
        b = director_branch[t % n_director]
        areas = DEPARTMENTS[b]["areas"]
        k = per_branch[b]
        per_branch[b] += 1
        area = areas[k % len(areas)]
        team_names.append(area if k < len(areas) else f"{area} {k // len(areas) + 1}")

    # Each director is named after the first team in their group.
    director_people = []
    for d, b in enumerate(director_branch):
        director_people.append(add(f"Director, {team_names[d]}", DEPARTMENTS[b]["dept"],
                                   execs[b].id, b, "director"))

    managers = []
    for t in range(n_team):
        d = t % n_director
        b = director_branch[d]
        team = f"{DEPARTMENTS[b]['dept']}: {team_names[t]}"
        managers.append(add(f"{team_names[t].rstrip('0123456789 ')} Manager", team,
                            director_people[d].id, b, "manager"))

    seniors_ic = []
    for t, m in enumerate(managers):
        titles = DEPARTMENTS[m.branch]["senior"]
        for k in range(3):
            seniors_ic.append(add(titles[(t + k) % len(titles)], m.team, m.id, m.branch, "senior"))

    juniors = []
    for j in range(n_junior):
        m = managers[j % n_team]
        titles = DEPARTMENTS[m.branch]["junior"]
        juniors.append(add(titles[(j // n_team + j) % len(titles)], m.team, m.id, m.branch, "junior"))

    return people, ceo, execs, director_people, managers, seniors_ic, juniors


# ---------------------------------------------------------------- cohorts and pairs

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
COHORT_CADENCES = ["biweekly", "monthly", "weekly", "biweekly"]


def build_cohorts(n_cohorts, k):
    cohorts = []
    names = {}
    floor = dt.date(2025, 9, 1)
    for i in range(n_cohorts):
        cadence = Cadence(COHORT_CADENCES[i % len(COHORT_CADENCES)])
        length = (cadence.after(AS_OF, k) - AS_OF).days
        if n_cohorts == 1:
            frac = 0.6
        else:
            frac = 1.3 - 1.05 * i / (n_cohorts - 1)
        start = monday_on_or_before(AS_OF - dt.timedelta(days=int(length * frac)))
        start = max(start, floor + dt.timedelta(days=(7 - floor.weekday()) % 7))
        end = cadence.after(start, k) + dt.timedelta(days=4)
        base = f"{start.year}-{MONTHS[start.month - 1]}"
        names[base] = names.get(base, 0) + 1
        file_id = base if names[base] == 1 else f"{base}-{names[base]}"
        label = f"{MONTHS[start.month - 1].capitalize()} {start.year}"
        if names[base] > 1:
            label += f" ({names[base]})"
        cohorts.append({"id": file_id, "label": label, "cadence": cadence,
                        "start": start, "end": end, "pairs": []})
    # Stable order for the cohorts page: by start date, then id.
    return sorted(cohorts, key=lambda c: (c["start"], c["id"]))


def pick_template(rng, j, last=False):
    if j == 0:
        return "kickoff"
    if last:
        return "closing-retrospective"
    return rng.choice(MIDDLE_TEMPLATES)


def maybe_note(rng, share=0.15):
    return rng.choice(NOTES) if rng.random() < share else None


def make_sessions(rng, target, start, end, cadence, k):
    """Sessions (date, status, template, notes) that give `target` as of AS_OF."""
    slots = []
    j = 0
    while True:
        d = cadence.after(start, j)
        if d > end:
            break
        slots.append(d)
        j += 1
    past = [d for d in slots if d <= AS_OF]
    future = [d for d in slots if d > AS_OF]
    e = periods_between(cadence, start, min(end, AS_OF))
    out = []

    def planned(dates, first_template=None):
        for n, d in enumerate(dates):
            t = first_template if (n == 0 and first_template) else rng.choice(MIDDLE_TEMPLATES)
            out.append((d, "planned", t, None))

    if target == "not started":
        if start > AS_OF:
            planned(slots[:3], "kickoff")
        else:
            first = min(max(start, AS_OF + dt.timedelta(days=rng.randint(1, 6))), end)
            out.append((first, "planned", "kickoff", None))
        return out

    if target == "on track":
        for n, d in enumerate(past):
            nxt = slots[n + 1] if n + 1 < len(slots) else end
            rebook = d + dt.timedelta(days=2)
            if n > 0 and rng.random() < 0.08 and rebook <= AS_OF and rebook < nxt:
                out.append((d, rng.choice(["cancelled", "missed"]), pick_template(rng, n), None))
                out.append((rebook, "held", pick_template(rng, n), "Rebooked."))
            else:
                out.append((d, "held", pick_template(rng, n), maybe_note(rng)))
        planned(future[:rng.randint(1, 2)])
        return out

    if target == "at risk":
        # Keep the kickoff and the latest slot; drop at least two in between.
        middle = list(range(1, e))
        drop = set(rng.sample(middle, min(len(middle), rng.randint(2, 3))))
        for n, d in enumerate(past):
            if n in drop:
                out.append((d, rng.choice(["cancelled", "missed"]), pick_template(rng, n),
                            maybe_note(rng, 0.1)))
            else:
                out.append((d, "held", pick_template(rng, n), maybe_note(rng)))
        planned(future[:rng.randint(1, 2)])
        return out

    if target == "stalled":
        last_ok = max(n for n, d in enumerate(past) if cadence.after(d, STALLED_AFTER) < AS_OF)
        h = rng.randint(max(0, last_ok - 4), last_ok)
        for n, d in enumerate(past[: h + 1]):
            out.append((d, "held", pick_template(rng, n), maybe_note(rng)))
        for n in range(h + 1, min(len(past), h + 1 + rng.randint(1, 3))):
            out.append((past[n], rng.choice(["cancelled", "missed", "cancelled"]),
                        pick_template(rng, n), None))
        if future and rng.random() < 0.5:
            out.append((future[0], "planned", "ways-of-working",
                        "Restart arranged with the coordinator."))
        return out

    if target == "paused":
        h = rng.randint(0, max(0, len(past) - 2))
        for n, d in enumerate(past[: h + 1]):
            out.append((d, "held", pick_template(rng, n), maybe_note(rng)))
        restart = [d for d in future if d >= dt.date(2027, 1, 4)]
        if restart:
            out.append((restart[0], "planned", "ways-of-working", "Restart after the pause."))
        return out

    if target == "completed":
        h = rng.randint(min(len(past) - 1, 3), len(past) - 1)
        for n, d in enumerate(past[: h + 1]):
            if 0 < n < h and rng.random() < 0.07:
                out.append((d, "missed", pick_template(rng, n), None))
            else:
                out.append((d, "held", pick_template(rng, n, last=(n == h and n > 0)),
                            "All goals met." if n == h and n > 0 else maybe_note(rng)))
        return out

    if target == "withdrawn":
        h = rng.randint(0, min(len(past) - 1, 2))
        for n, d in enumerate(past[: h + 1]):
            out.append((d, "held", pick_template(rng, n), maybe_note(rng)))
        for n in range(h + 1, min(len(past), h + 1 + rng.randint(1, 2))):
            out.append((past[n], rng.choice(["cancelled", "missed"]), pick_template(rng, n), None))
        return out

    raise AssertionError(target)


WEIGHTS = [("on track", 38), ("at risk", 17), ("stalled", 12), ("not started", 7),
           ("paused", 6), ("completed", 10), ("withdrawn", 5)]


def status_deck(rng, n):
    """n target statuses in the proportions of WEIGHTS, shuffled; with seven
    or more pairs every status appears at least once."""
    base = [1] * len(WEIGHTS) if n >= len(WEIGHTS) else [0] * len(WEIGHTS)
    rest = n - sum(base)
    total = sum(w for _, w in WEIGHTS)
    shares = [rest * w / total for _, w in WEIGHTS]
    counts = [b + int(x) for b, x in zip(base, shares)]
    by_remainder = sorted(range(len(WEIGHTS)), key=lambda i: (-(shares[i] % 1), i))
    for i in by_remainder[: n - sum(counts)]:
        counts[i] += 1
    deck = [status for (status, _), c in zip(WEIGHTS, counts) for _ in range(c)]
    rng.shuffle(deck)
    return deck


def feasible_targets(start, end, cadence):
    """The statuses make_sessions can produce for a pair with these dates."""
    if start > AS_OF:
        return ["not started"]
    e = periods_between(cadence, start, min(end, AS_OF))
    ended = end < AS_OF
    if ended:
        # A cohort that has ended is closed: its pairs say how they ended
        # (an open one would be `ended`, which `check` warns about).
        return ["completed", "withdrawn"] if e >= 1 else ["withdrawn"]
    out = []
    for status, _ in WEIGHTS:
        if status == "not started" and e > 0:
            continue
        if status == "at risk" and e < 3:
            continue
        if status == "stalled" and (ended or not cadence.after(start, STALLED_AFTER) < AS_OF):
            continue
        if status in ("paused", "completed", "withdrawn") and e < 1:
            continue
        out.append(status)
    return out


def choose_target(rng, wanted, start, end, cadence):
    feasible = feasible_targets(start, end, cadence)
    if wanted in feasible:
        return wanted
    weights = dict(WEIGHTS)
    return rng.choices(feasible, weights=[weights[s] for s in feasible])[0]


def build_pairs(rng, n_pairs, cohorts, juniors, seniors, n_branches, k):
    # Mentors: distinct juniors. Mentees: seniors from another branch, each at
    # most twice (every senior once before anyone a second time).
    mentors = juniors[:]
    rng.shuffle(mentors)
    mentors = mentors[:n_pairs]
    slots = []
    for b in range(n_branches):
        mine = [p for p in seniors if p.branch == b]
        first, second = mine[:], mine[:]
        rng.shuffle(first)
        rng.shuffle(second)
        slots.append(second + first)  # popped from the end: `first` is used up first
    assigned = []
    for mentor in mentors:
        options = [b for b in range(n_branches) if b != mentor.branch and slots[b]]
        if not options:
            sys.exit("internal error: no mentee left outside the mentor's branch")
        weights = [len(slots[b]) for b in options]
        b = rng.choices(options, weights=weights)[0]
        assigned.append((mentor, slots[b].pop()))

    deck = status_deck(rng, n_pairs)
    # Split pairs across cohorts as evenly as possible.
    pairs = []
    ids = {}
    per = [n_pairs // len(cohorts) + (1 if i < n_pairs % len(cohorts) else 0)
           for i in range(len(cohorts))]
    index = 0
    for cohort, count in zip(cohorts, per):
        for _ in range(count):
            mentor, mentee = assigned[index]
            base = f"{slug(mentor.first)}-and-{slug(mentee.first)}"
            ids[base] = ids.get(base, 0) + 1
            pid = base if ids[base] == 1 else f"{base}-{ids[base]}"
            cadence = cohort["cadence"]
            r = rng.random()
            if r < 0.10:
                cadence = Cadence("monthly" if cohort["cadence"].value != "monthly" else "biweekly")
            elif r < 0.13:
                cadence = Cadence(21)
            start = cohort["start"]
            wanted = deck[index]
            if wanted == "not started" and cohort["end"] > AS_OF + dt.timedelta(days=35):
                # Rolling start: a pair beginning around the as-of date.
                start = AS_OF + dt.timedelta(days=rng.randint(-3, 20))
            elif rng.random() < 0.3:
                start = start + dt.timedelta(days=7 * rng.randint(1, 6))
            start = min(start, cohort["end"])
            target = choose_target(rng, wanted, start, cohort["end"], cadence)
            sessions = make_sessions(rng, target, start, cohort["end"], cadence, k)
            override = target if target in ("paused", "completed", "withdrawn") else None
            got = pair_status(start, cohort["end"], cadence, override, sessions)
            if got != target:
                sys.exit(f"internal error: pair {pid} is {got!r}, meant {target!r}")
            n_topics = rng.randint(1, 3)
            pair = {
                "id": pid, "mentor": mentor, "mentee": mentee, "cohort": cohort,
                "start": start, "cadence": cadence, "status": got, "override": override,
                "sessions": sessions, "confidential": index % 40 == 7,
                "topics": rng.sample(TOPICS, n_topics),
                "goals": [(g, rng.random() < 0.4) for g in rng.sample(PAIR_GOALS, rng.randint(1, 3))],
                "private": rng.random() < 0.01,
                "has_file": index % 20 == 0,
            }
            cohort["pairs"].append(pair)
            pairs.append(pair)
            index += 1
    return pairs


# ---------------------------------------------------------------- writers


def write(root, rel, text, files):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    files.append(rel)


def front(fields):
    return "---\n" + fields + "---\n\n"


def playbook_yaml(n_pairs, n_cohorts):
    return (
        f"title: {q('Reverse mentoring at ' + COMPANY)}\n"
        f"description: {q(f'A synthetic programme of {n_pairs} pairs in {n_cohorts} cohort(s), generated by examples/synthetic/generate.py.')}\n"
        f"organisation: {q(COMPANY)}\n"
        "progress:\n"
        f"  stalled_after_periods: {STALLED_AFTER}\n"
        f"  at_risk_behind: {AT_RISK_BEHIND}\n"
        "rules:\n"
        "  reporting_line: error\n"
        "  max_pairs_per_person: 2\n"
        "  max_pairs: error\n"
    )


def people_csv(people):
    # CSV, not YAML: an HR system exports people this way, and a YAML file of
    # 40,000 people passes the 200,000-value limit mentorbook puts on YAML files.
    buf = io.StringIO()
    rows = csv.writer(buf, lineterminator="\n")
    rows.writerow(["id", "name", "role", "team", "email", "reports_to"])
    for p in people:
        rows.writerow([p.id, p.name, p.role, p.team, f"{p.id}@{DOMAIN}", p.reports_to or ""])
    return buf.getvalue()


def programs_yaml(n_programs):
    lines = ["programs:\n"]
    for pid, title in program_names(n_programs):
        lines.append(f"  - id: {pid}\n    title: {q(title)}\n")
    return "".join(lines)


def program_names(n_programs):
    return [PROGRAMS[i] if i < len(PROGRAMS) else (f"program-{i + 1}", f"Program {i + 1}")
            for i in range(n_programs)]


def programs_home_page(n_pairs, n_people, programs):
    rows = "\n".join(f"| [{title}]({pid}/_index.md) | {n} |" for (pid, title), n in programs)
    return front(
        f"title: {q('Mentoring at ' + COMPANY)}\n"
        f"description: {q('Every mentoring programme of the company in one playbook.')}\n"
        "weight: 1\n"
    ) + f"""{COMPANY} runs several mentoring programmes, each with its own goals, guide,
session templates and cohorts. People are shared: one colleague may take part in
more than one.

This site is generated: its {n_pairs} pairs, {n_people} people and every session
log were produced by a script, to show how mentorbook handles several programmes
at scale. The names, teams and numbers are fictional.

| Programme | Pairs |
| --- | --- |
{rows}
"""


def program_index(title, cohorts):
    pairs = sum(len(c["pairs"]) for c in cohorts)
    return front(
        f"title: {q(title)}\n"
        f"description: {q(f'{pairs} pairs in {len(cohorts)} cohort(s).')}\n"
    ) + """This programme has its own goals, guide, session templates and cohorts.

- The [goals](goals.md) say what the programme measures.
- The [launch guide](launch/_index.md) is the checklist for setting up a cohort.
- Each meeting can follow one of the [session templates](sessions/_index.md).
- The [cohorts](cohorts/_index.md) list every pair and how it is getting on.
"""


def home_page(n_pairs, n_people, cohorts, ceo, sponsor_name):
    rows = "\n".join(
        f"| [{c['label']}](cohorts/{c['id']}.md) | {c['start'].isoformat()} to "
        f"{c['end'].isoformat()} | {c['cadence'].yaml()} | {len(c['pairs'])} |"
        for c in cohorts)
    return front(
        f"title: {q('Reverse mentoring at ' + COMPANY)}\n"
        f"description: {q('What the programme is, who takes part and where to find things.')}\n"
        "weight: 1\n"
    ) + f"""At {COMPANY}, junior colleagues mentor senior ones. Graduates, apprentices and
people in their first years of work become **mentors**; executives, directors,
managers and senior specialists become **mentees**. The leaders learn how newer
colleagues work, which tools they use and how decisions land; the juniors get an
honest view of how the company is run and a senior contact who knows their name.

This site is generated: its {n_pairs} pairs, {n_people} people and every session
log were produced by a script, to show how mentorbook handles a programme at
scale. The names, teams and numbers are fictional.

## Cohorts

| Cohort | Runs | Cadence | Pairs |
| --- | --- | --- | --- |
{rows}

## Finding your way around

- The [programme goals](goals.md) say what we measure.
- The [launch guide](launch/_index.md) is the checklist for setting up a cohort.
- Each meeting can follow one of the [session templates](sessions/_index.md).
- The [cohorts](cohorts/_index.md) list every pair and how it is getting on.

The programme is sponsored by {ceo.name}, {sponsor_name}. Mentors and mentees are
never in each other's reporting line, and nobody is in more than two active pairs.
"""


def goals_page(rng):
    def series(baseline, target, dates, noise):
        values = []
        for n, d in enumerate(dates):
            share = (n + 1) / (len(dates) + 1.5)
            v = baseline + (target - baseline) * share + rng.uniform(-noise, noise)
            values.append(f"      - {{date: {d}, value: {round(v, 1)}}}\n")
        return "".join(values)

    quarters = ["2026-01-30", "2026-04-30", "2026-07-31", "2026-10-30"]
    months = ["2026-02-27", "2026-04-30", "2026-06-30", "2026-08-31", "2026-10-30"]
    return front(
        f"title: {q('Programme goals')}\n"
        f"description: {q('Four measurable goals, their baselines, targets and latest results.')}\n"
        "weight: 20\n"
        "kind: goals\n"
        "goals:\n"
        "  - id: digital-confidence\n"
        f"    title: {q('Leaders’ digital confidence')}\n"
        f"    metric: {q('Average self-rating of mentees on the digital confidence assessment')}\n"
        f"    unit: {q('score (1-5)')}\n"
        "    baseline: 2.5\n"
        "    target: 3.8\n"
        "    results:\n" + series(2.5, 3.8, quarters, 0.1) +
        "  - id: regular-meetings\n"
        f"    title: {q('Pairs meeting at least monthly')}\n"
        f"    metric: {q('Share of active pairs that held a session in the previous month')}\n"
        f"    unit: {q('%')}\n"
        "    baseline: 60\n"
        "    target: 85\n"
        "    results:\n" + series(60, 85, months, 4) +
        "  - id: mentor-retention\n"
        f"    title: {q('Retention of junior mentors')}\n"
        f"    metric: {q('Share of mentors still with the company twelve months after their pair started')}\n"
        f"    unit: {q('%')}\n"
        "    baseline: 78\n"
        "    target: 90\n"
        "    results:\n" + series(78, 90, quarters[1:], 2) +
        "  - id: time-to-decision\n"
        f"    title: {q('Days to approve a new digital tool')}\n"
        f"    metric: {q('Median working days from request to decision; this goal aims down')}\n"
        "    unit: days\n"
        "    baseline: 45\n"
        "    target: 20\n"
        "    results:\n" + series(45, 20, quarters, 3)
    ) + """We agreed these goals before the first pair met. Each has a baseline, a target
for the end of the programme and results taken at regular checkpoints.

## How we measure

- **Assessments.** Mentees rate their digital confidence at the start, every
  quarter and at the end of their pairing.
- **Session logs.** Pairs record every session in this playbook; the share of
  pairs meeting monthly comes straight from the roster pages.
- **HR records.** Retention is reported as a percentage only, never by name.
- **Request logs.** The IT service catalogue records when a tool request was made
  and decided.

## Reading the results

The latest result for each goal is the one that counts. A result on or past the
target means the goal is reached; anything between the baseline and the target
counts as improving.
"""


STEPS = [
    ("define-goals", "Define the goals", "2026-01-16", "done",
     "Decide what the programme is for and how success will be measured.",
     [("Run workshops with leaders and with junior colleagues", True),
      ("Agree three to five goals with a baseline and target each", True),
      ("Publish the goals in this playbook", True)]),
    ("secure-sponsorship", "Secure sponsorship", "2026-01-30", "done",
     "Get the chief executive and the executive team to back the programme in public.",
     [("Present the goals to the executive team", True),
      ("Agree the sponsor's role and time", True),
      ("Announce the programme at the all-hands meeting", True)]),
    ("recruit-mentors", "Recruit mentors and mentees", "2026-02-13", "done",
     "Invite junior colleagues to mentor and senior colleagues to be mentored.",
     [("Open sign-ups for mentors", True),
      ("Invite executives, directors and senior specialists", True),
      ("Confirm each mentor's manager agrees to the time", True)]),
    ("pair-people", "Pair people", "2026-02-27", "done",
     "Match mentors with mentees from another branch of the company.",
     [("Check every pair against the reporting-line rule", True),
      ("Keep everyone to at most two active pairs", True),
      ("Tell each pair who they are matched with", True)]),
    ("brief-pairs", "Brief the pairs", "2026-03-06", "done",
     "Run a short briefing on roles, ground rules and the session templates.",
     [("Run the mentor briefing", True),
      ("Run the mentee briefing", True),
      ("Share the session templates", True)]),
    ("run-and-monitor", "Run and monitor", "2026-12-18", "doing",
     "Keep pairs meeting: watch the roster and follow up with stalled pairs.",
     [("Review the roster every month", True),
      ("Call every stalled pair", True),
      ("Check in with every at-risk pair", False),
      ("Collect the quarterly results for each goal", False)]),
    ("evaluate", "Evaluate", "2027-03-26", "todo",
     "Compare the results with the baselines and decide what happens next.",
     [("Collect the final results", False),
      ("Survey mentors and mentees", False),
      ("Present the findings to the executive team", False)]),
]


def guide_pages(owner_ids):
    pages = {}
    pages["launch/_index.md"] = front(
        f"title: {q('Launch guide')}\n"
        f"description: {q('Seven steps for setting up and running a cohort, and where each stands.')}\n"
        "kind: guide\n"
        "weight: 30\n"
    ) + """This is the checklist the programme team follows for every cohort. The steps
build on each other: goals decide who takes part, sponsorship makes people
volunteer, and careful pairing makes the sessions worth having.

Each step has an owner, a due date and a checklist. Ticked items are done.
"""
    for n, (sid, title, due, status, desc, checklist) in enumerate(STEPS, start=1):
        owner = owner_ids[n % len(owner_ids)]
        items = "\n".join(f"- [{'x' if done else ' '}] {text}" for text, done in checklist)
        nxt = (f"\n\nNext: [{STEPS[n][1].lower()}](0{n + 1}-{STEPS[n][0]}.md)."
               if n < len(STEPS) else "")
        pages[f"launch/0{n}-{sid}.md"] = front(
            f"title: {q(title)}\n"
            f"description: {q(desc)}\n"
            "kind: step\n"
            f"step: {n}\n"
            f"owner: {owner}\n"
            f"due: {due}\n"
            f"status: {status}\n"
        ) + f"""## Why it matters

{desc} Skipping this step is one of the most common reasons a mentoring
programme fades after a few months.

## Checklist

{items}{nxt}
"""
    return pages


def session_pages():
    pages = {}
    rows = []
    for tid, title, order, duration, agenda, desc in TEMPLATES:
        assert sum(m for m, _ in agenda) == duration
        rows.append(f"| {order} | [{title}](0{order}-{tid}.md) | {duration} min | {desc} |")
        agenda_yaml = "".join(f"  - {{minutes: {m}, item: {q(item)}}}\n" for m, item in agenda)
        pages[f"sessions/0{order}-{tid}.md"] = front(
            f"title: {q(title)}\n"
            f"description: {q(desc)}\n"
            "kind: session\n"
            f"order: {order}\n"
            f"duration: {duration}\n"
            "agenda:\n" + agenda_yaml +
            "prepare:\n"
            f"  - {q('Both reread the notes from the last session')}\n"
            f"  - {q('Mentee brings one real task to work on')}\n"
            "prompts:\n"
            f"  - {q('What surprised you since we last met?')}\n"
            f"  - {q('What would make this hour worth it?')}\n"
            f"  - {q('What will you try before next time?')}\n"
        ) + f"""## Purpose

{desc}

## How to run it

Use the agenda as a shape, not a script. The junior mentor leads; the senior
mentee listens first and asks questions second. Agree at the end what the mentee
will try before the next session.
"""
    pages["sessions/_index.md"] = front(
        f"title: {q('Session templates')}\n"
        f"description: {q('Six ready-made session plans with agendas, preparation and prompts.')}\n"
        "weight: 40\n"
    ) + """Pairs pick one of these templates for each meeting. Most start with the kickoff
and finish with the closing retrospective.

| Order | Template | Length | Good for |
| --- | --- | --- | --- |
""" + "\n".join(rows) + "\n"
    return pages


def roster_page(cohort):
    lines = [
        f"title: {q(cohort['label'] + ' cohort')}\n",
        f"description: {q(str(len(cohort['pairs'])) + ' pairs starting ' + human_date(cohort['start']) + '.')}\n",
        "kind: roster\n",
        f"cohort: {q(cohort['label'])}\n",
        f"start: {cohort['start'].isoformat()}\n",
        f"end: {cohort['end'].isoformat()}\n",
        f"cadence: {cohort['cadence'].yaml()}\n",
        "pairs:\n",
    ]
    for p in cohort["pairs"]:
        lines.append(f"  - id: {p['id']}\n    mentor: {p['mentor'].id}\n    mentee: {p['mentee'].id}\n")
        if p["start"] != cohort["start"]:
            lines.append(f"    start: {p['start'].isoformat()}\n")
        if p["cadence"] != cohort["cadence"]:
            lines.append(f"    cadence: {p['cadence'].yaml()}\n")
        if p["override"]:
            lines.append(f"    status: {p['override']}\n")
        if p["confidential"]:
            lines.append("    confidential: true\n")
        lines.append("    topics:\n" + "".join(f"      - {q(t)}\n" for t in p["topics"]))
        lines.append("    goals:\n" + "".join(
            f"      - {{title: {q(g)}, done: {'true' if done else 'false'}}}\n"
            for g, done in p["goals"]))
        if p["sessions"]:
            lines.append("    sessions:\n")
            for d, status, template, notes in p["sessions"]:
                extra = f", notes: {q(notes)}" if notes else ""
                lines.append(f"      - {{date: {d.isoformat()}, template: {template}, "
                             f"status: {status}{extra}}}\n")
        if p["private"]:
            lines.append(f"    private:\n      note: {q('Coordinator to follow up in person.')}\n")
    with_files = [p for p in cohort["pairs"] if p["has_file"]]
    body = f"""The {cohort['label']} cohort started on {cohort['start'].isoformat()} and
runs until {cohort['end'].isoformat()}, meeting {cohort['cadence'].yaml()} by
default. Some pairs agreed a different rhythm, and some started later than the
rest of the cohort when a diary or a start date allowed.

## How to read this page

Each pair's status is worked out from its session log and cadence as of the
site's build date. Stalled and at-risk pairs are where the coordinator offers
help first.
"""
    if with_files:
        body += "\n## Pair notes\n\n" + "".join(
            f"- [{p['mentor'].first} and {p['mentee'].first}](../pairs/{p['id']}.md)\n"
            for p in with_files)
    return front("".join(lines)) + body


# `mentorbook check` refuses front matter of more than this many YAML values
# (src/yaml.rs: MAX_NODES), keys and collections included.
MAX_YAML_VALUES = 200_000


def roster_values(cohort):
    """How many YAML values `roster_page(cohort)` writes into its front
    matter, counted as mentorbook counts them (every key, scalar, list and
    mapping): so that a cohort too large for one roster is refused before
    anything is written."""
    n = 1 + 7 * 2 + 2  # the mapping, its seven fields, `pairs:` and its list
    for p in cohort["pairs"]:
        n += 1 + 3 * 2
        n += 2 * sum(1 for x in (p["start"] != cohort["start"],
                                 p["cadence"] != cohort["cadence"],
                                 p["override"], p["confidential"]) if x)
        n += 2 + len(p["topics"])
        n += 2 + 5 * len(p["goals"])
        if p["sessions"]:
            n += 2 + sum(7 + (2 if notes else 0) for _d, _s, _t, notes in p["sessions"])
        if p["private"]:
            n += 4
    return n


def pair_file(p):
    m, e = p["mentor"], p["mentee"]
    title = f"{m.first} and {e.first}"
    desc = f"Notes from {m.name} ({m.role}) and {e.name} ({e.role})."
    topics = ", ".join(t[0].lower() + t[1:] for t in p["topics"])
    return front(
        f"title: {q(title)}\n"
        f"description: {q(desc)}\n"
        "kind: pair\n"
        f"id: {p['id']}\n"
    ) + f"""## Our plan

{m.first} works in {m.team} and {e.first} in {e.team}. At our kickoff we agreed
to work on {topics}, and wrote down the goals listed above.

## How it is going

Our status as of the build date is shown at the top of this page. We log every
session, including the ones we cancel, so that the coordinator can see when we
need help getting back on track.

## Advice for the next cohort

- Book the next three sessions before you leave the kickoff.
- Bring real work to the sessions; practice on invented examples does not stick.
- If you cancel, rebook in the same message.
"""


def cohorts_index(cohorts):
    rows = "\n".join(
        f"| [{c['label']}]({c['id']}.md) | {c['start'].isoformat()} | {c['end'].isoformat()} "
        f"| {c['cadence'].yaml()} | {len(c['pairs'])} |" for c in cohorts)
    return front(
        f"title: {q('Cohorts')}\n"
        f"description: {q('Every cohort of the programme, with its pairs and their progress.')}\n"
        "weight: 50\n"
    ) + f"""A cohort is a group of pairs that share a start window, a briefing and an end
date.

| Cohort | Starts | Ends | Cadence | Pairs |
| --- | --- | --- | --- | --- |
{rows}
"""


# ---------------------------------------------------------------- main


def main(argv=None):
    ap = argparse.ArgumentParser(description="Generate a large synthetic mentorbook site.")
    ap.add_argument("--pairs", type=int, required=True, help="number of pairs (N)")
    ap.add_argument("--out", required=True, help="folder to write the site into")
    ap.add_argument("--cohorts", type=int, help="number of cohorts (default: max(1, N // 250))")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    ap.add_argument("--sessions-per-pair", type=int, default=12, dest="k",
                    help="length of each cohort in sessions (default: 12)")
    ap.add_argument("--force", action="store_true", help="empty a non-empty --out first")
    ap.add_argument("--programs", type=int, default=1,
                    help="number of programs sharing the people (default: 1, a site "
                         "without `programs:`)")
    args = ap.parse_args(argv)

    if args.pairs < 1:
        ap.error("--pairs must be at least 1")
    if args.k < 1:
        ap.error("--sessions-per-pair must be at least 1")
    if not 1 <= args.programs <= args.pairs:
        ap.error("--programs must be between 1 and --pairs")
    n_cohorts = (args.cohorts if args.cohorts is not None
                 else max(args.programs, args.pairs // 250))
    if not args.programs <= n_cohorts <= args.pairs:
        ap.error("--cohorts must be between --programs (1 by default) and --pairs")

    out = args.out
    entries = []
    if os.path.exists(out):
        if not os.path.isdir(out):
            ap.error(f"{out} exists and is not a folder")
        entries = sorted(os.listdir(out))
        if entries and not args.force:
            ap.error(f"{out} is not empty (use --force to empty it first)")

    rng = Random(args.seed)
    people, ceo, execs, directors, managers, seniors_ic, juniors = build_people(rng, args.pairs)
    seniors = execs + directors + managers + seniors_ic
    cohorts = build_cohorts(n_cohorts, args.k)
    pairs = build_pairs(rng, args.pairs, cohorts, juniors, seniors, len(execs), args.k)

    # One roster file per cohort: a cohort over the YAML limit would not check.
    values = {c["id"]: roster_values(c) for c in cohorts}
    largest = max(values, key=values.get)
    if values[largest] > MAX_YAML_VALUES:
        # Cohorts differ in length (the earliest runs longest): the largest
        # holds up to about 1.5 times the average; 1.6 leaves a margin.
        needed = -(-sum(values.values()) * 8 // (MAX_YAML_VALUES * 5))
        ap.error(f"cohort {largest} would hold {values[largest]:,} YAML values in its roster, "
                 f"more than the {MAX_YAML_VALUES:,} mentorbook reads from one file: "
                 f"use more cohorts (--cohorts {max(needed, n_cohorts + 1)} or more) "
                 f"or fewer --sessions-per-pair")

    # Emptied (with --force) only once the site is known to fit.
    for name in entries:
        path = os.path.join(out, name)
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path)
        else:
            os.remove(path)
    os.makedirs(out, exist_ok=True)

    # Belt and braces: the two rules the checker enforces across people.
    boss = {p.id: p.reports_to for p in people}

    def chain(pid):
        while boss.get(pid):
            pid = boss[pid]
            yield pid

    count = {}
    for p in pairs:
        a, b = p["mentor"].id, p["mentee"].id
        assert a not in chain(b) and b not in chain(a), p["id"]
        if p["status"] not in ("completed", "withdrawn"):
            for x in (a, b):
                count[x] = count.get(x, 0) + 1
                assert count[x] <= 2, x

    people_team = next(d for d in range(len(execs)) if DEPARTMENTS[d]["dept"] == "People")
    owners = [execs[people_team].id] + [m.id for m in managers if m.branch == people_team][:2]

    files = []
    if args.programs > 1:
        write_programs(out, args, rng, people, cohorts, pairs, owners, files)
        return report(out, args, people, cohorts, pairs, files)
    write(out, "playbook.yaml", playbook_yaml(args.pairs, n_cohorts), files)
    write(out, "data/people.csv", people_csv(people), files)
    write(out, "content/_index.md",
          home_page(args.pairs, len(people), cohorts, ceo, "Chief Executive Officer"), files)
    write(out, "content/goals.md", goals_page(rng), files)
    for rel, text in guide_pages(owners).items():
        write(out, "content/" + rel, text, files)
    for rel, text in session_pages().items():
        write(out, "content/" + rel, text, files)
    write(out, "content/cohorts/_index.md", cohorts_index(cohorts), files)
    for c in cohorts:
        write(out, f"content/cohorts/{c['id']}.md", roster_page(c), files)
    for p in pairs:
        if p["has_file"]:
            write(out, f"content/pairs/{p['id']}.md", pair_file(p), files)

    report(out, args, people, cohorts, pairs, files)


def write_programs(out, args, rng, people, cohorts, pairs, owners, files):
    """The site as `--programs` programs: cohort i goes to program i mod N,
    each program's pages in its folder; people are shared."""
    names = program_names(args.programs)
    mine = [[c for i, c in enumerate(cohorts) if i % args.programs == n]
            for n in range(args.programs)]
    write(out, "playbook.yaml",
          playbook_yaml(args.pairs, len(cohorts)) + programs_yaml(args.programs), files)
    write(out, "data/people.csv", people_csv(people), files)
    counts = [((pid, title), sum(len(c["pairs"]) for c in cs))
              for (pid, title), cs in zip(names, mine)]
    write(out, "content/_index.md", programs_home_page(args.pairs, len(people), counts), files)
    for (pid, title), cs in zip(names, mine):
        base = f"content/{pid}/"
        write(out, base + "_index.md", program_index(title, cs), files)
        write(out, base + "goals.md", goals_page(rng), files)
        for rel, text in guide_pages(owners).items():
            write(out, base + rel, text, files)
        for rel, text in session_pages().items():
            write(out, base + rel, text, files)
        write(out, base + "cohorts/_index.md", cohorts_index(cs), files)
        for c in cs:
            write(out, f"{base}cohorts/{c['id']}.md", roster_page(c), files)
            for p in c["pairs"]:
                if p["has_file"]:
                    write(out, f"{base}pairs/{p['id']}.md", pair_file(p), files)


def report(out, args, people, cohorts, pairs, files):
    tally = {}
    for p in pairs:
        tally[p["status"]] = tally.get(p["status"], 0) + 1
    order = ["on track", "at risk", "stalled", "not started", "paused", "completed", "withdrawn"]
    statuses = ", ".join(f"{tally[s]} {s}" for s in order if s in tally)
    sessions = sum(len(p["sessions"]) for p in pairs)
    print(f"{out}: {len(pairs)} pairs ({statuses}), {len(people)} people, "
          f"{len(cohorts)} cohort(s)"
          + (f" in {args.programs} programs" if args.programs > 1 else "")
          + f", {sessions} sessions, {len(files)} files "
          f"(statuses as of {AS_OF.isoformat()}, seed {args.seed})")


if __name__ == "__main__":
    main()
