#!/usr/bin/env python3
"""Writes the seeds of the `site` fuzz target (corpus/site/): each a small
site cut at 0x1e into the parts of FILES in fuzz_targets/site.rs, built from
the fixtures and content/, every one under 3 KB. Run from the repository
root after changing FILES or a fixture the seeds use:

    python3 tests/fuzz/seed_site.py

All but csv-invalid check clean (csv-invalid keeps its fixture's errors, so
the harness swaps its broken files for the defaults)."""

import re

src = open('tests/fuzz/fuzz_targets/site.rs').read()
block = src[src.index('const FILES'):src.index('];', src.index('const FILES'))]
pairs = re.findall(r'\(\s*"([^"]*)",\s*"((?:[^"\\]|\\.)*)",?\s*\)', block)
assert len(pairs) == 9, pairs
defaults = [d.encode().decode('unicode_escape').encode() for _, d in pairs]
slots = {p: i for i, (p, _) in enumerate(pairs)}
F = 'tests/fixtures/'


def r(p):
    return open(p, 'rb').read()


SESSION = b'---\ntitle: Kickoff\nkind: session\nduration: 45\n---\n'
seeds = {
  'defaults': {},
  'hostile-sanitize': {'content/_index.md': r(F+'hostile-html/content/elements.md'),
      'content/cohort.md': r(F+'hostile-html/content/cohort/_index.md'),
      'content/pairs/ann-bo.md': r(F+'hostile-html/content/cohort/ann-bo.md'),
      'content/sessions/01-kickoff.md': SESSION + r(F+'hostile-html/content/links.md').split(b'---\n', 2)[2],
      'playbook.yaml': r(F+'hostile-html/playbook.yaml'),
      'data/people.csv': b'id,name,role,team,email,reports_to\ncy,Cy,Director,Sales,,\ndee,Dee,Analyst,Ops,,cy\n'},
  'hostile-allow': {'content/_index.md': r(F+'hostile-html/content/tables.md'),
      'content/sessions/01-kickoff.md': SESSION + r(F+'hostile-html/content/headings.md').split(b'---\n', 2)[2],
      'playbook.yaml': b'title: Allowed\nmarkdown:\n  raw_html: allow\n'},
  'csv-valid': {'content/cohort.md': r(F+'csv-valid/content/cohort.md'),
      'content/pairs/ann-bo.md': b'---\nkind: pair\nid: jun-and-bea\n---\nWe meet on Fridays.\n',
      'data/people.csv': r(F+'csv-valid/data/people.csv'),
      'data/pairs.csv': r(F+'csv-valid/data/pairs.csv')},
  'csv-invalid': {'content/cohort.md': r(F+'invalid/csv-data/content/cohort.md'),
      'data/people.csv': r(F+'invalid/csv-data/data/people.csv'),
      'data/pairs.csv': r(F+'invalid/csv-data/data/pairs.csv')},
  'valid-fixture': {'content/_index.md': r(F+'valid/content/goals.md'),
      'content/cohort.md': r(F+'valid/content/cohort.md').replace(b'template: tools', b'template: kickoff'),
      'content/sessions/01-kickoff.md': r(F+'valid/content/sessions/01-kickoff.md'),
      'content/pairs/ann-bo.md': r(F+'valid/content/pairs/dana-and-farah.md'),
      'data/people.csv': b'id,name,role,team,email,reports_to\nceo,Clara Chief,Chief Executive,Executive,,\ncto,Tomas Tech,CTO,Executive,,ceo\ncfo,Farah Finance,CFO,Executive,,ceo\ndev,Dana Developer,Junior Developer,Engineering,,cto\nanalyst,Ari Analyst,Finance Analyst,Finance,ari@example.org,cfo\nbo,Bo,Lead,Ops,,\ndee,Dee,Analyst,Ops,,cfo\n',
      'playbook.yaml': r(F+'valid/playbook.yaml')},
  'content-session': {'content/sessions/01-kickoff.md': r('content/sessions/05-shadowing.md').replace(b'ground-rules.md', b'rules.md'),
      'snippets/rules.md': r('snippets/ground-rules.md').replace(b'[roles and expectations](../about/roles.md#ground-rules)', b'roles and expectations')},
}
# Every field hostile: formula starts, </script>, CR LF in calendar text,
# heading attributes with quotes, a quoted base_url path.
HOSTILE_DATA = [
b'''---
title: "Home </title><script>alert(1)</script>"
description: "=HYPERLINK(\\"http://x\\") \\r\\nX-INJECT: 1"
---
## Intro {#top\\" onclick=\\"x .c onfocus=y}

[a](javascript&colon;alert(1)) <javascript:alert(1)> [b](<jav	ascript:x>)
<a href="jav&#x09;ascript:x">c</a> <img src="data:image/png;base64,AA==" onerror="y"> <p style="color:red">d</p>
See [the cohort](cohort.md) and the [agenda](sessions/01-kickoff.md#agenda).
''',
b'''---
title: "=cmd|' /C calc'!A0"
kind: roster
start: 2026-01-05
end: 2026-12-18
cadence: biweekly
people:
  - {id: ann, name: "@SUM(1+1)", reports_to: cy, role: "-2+3", team: "\\t=x"}
pairs:
  - id: ann-bo
    mentor: ann
    mentee: bo
    topics: ["=HYPERLINK(\\"http://x\\")", "+cmd", "</script><script>x</script>"]
    goals:
      - {title: "Goal\\r\\nBEGIN:VEVENT", done: true}
    sessions:
      - {date: 2026-01-05, template: kickoff, notes: "</script>\\r\\nEND:VCALENDAR"}
      - {date: 2026-07-01, template: kickoff, status: planned, notes: "=1+1"}
---
## Notes {onfocus=alert('roster') autofocus}
''',
b'''---
kind: pair
id: ann-bo
title: "Ann & Bo <b onmouseover=x>"
sessions:
  - {date: 2026-02-02, template: kickoff, notes: "\\u2028</script>"}
---
We meet on Mondays. <svg><script>x</script></svg>
''',
b'''---
title: "Kickoff\\r\\nX-INJECT:1;\\\\,"
kind: session
duration: 45
order: 1
agenda:
  - {minutes: 15, item: "=Introductions"}
  - {minutes: 30, item: "</script><!--"}
prepare: "@Read the goals"
prompts: ["+What do you hope to learn?"]
---
## Agenda
''',
b'''title: "</title><script>alert(1)</script>"
description: "x\\" onload=\\"y"
organisation: "=Org"
base_url: "https://example.org/bo%22ok/"
edit_url: https://example.org/edit/
''',
b'''id,name,role,team,email,reports_to
bo,=1+1,@Lead,-Ops,bo@example.org,
cy,"+Cy
Two",	=Director,"=HYPERLINK(""http://x"")",,
dee,Dee</script>,Analyst,Ops,,cy
''',
b'''roster,id,mentor,mentee,start,end,cadence,topics,status,confidential
cohort,dee-bo,dee,bo,2026-02-02,,monthly,=Sheets;+Docs;@x;-y,,false
''',
]

for name, over in seeds.items():
    if name == 'defaults':
        parts = list(defaults)
    elif name == 'content-session':
        parts = [b''] * len(defaults)
    else:
        # The snippets are left to their defaults: a seed under 3 KB.
        parts = list(defaults[:7]) + [b''] * (len(defaults) - 7)
    for p, b in over.items():
        parts[slots[p]] = b
    data = b'\x1e'.join(parts)
    assert len(data) < 3072, (name, len(data))
    open(f'tests/fuzz/corpus/site/{name}', 'wb').write(data)
    print(name, len(data))
data = b'\x1e'.join(HOSTILE_DATA)
assert len(data) < 3072
open('tests/fuzz/corpus/site/hostile-data', 'wb').write(data)
print('hostile-data', len(data))
