//! The first corpus: broken YAML, fields, dates, references and links.

use super::{Case, case, md, roster};

pub(super) fn cases() -> Vec<Case> {
    let c = "content/a.md";
    let mut billion = String::from(
        "title: x\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (name, prev) in [
        ("b", "a"),
        ("c", "b"),
        ("d", "c"),
        ("e", "d"),
        ("f", "e"),
        ("g", "f"),
        ("h", "g"),
        ("i", "h"),
    ] {
        billion.push_str(&format!("{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
    }
    vec![
        case(
            "tab indentation",
            c,
            md("title: x\ngoals:\n\t- id: a\n", ""),
        ),
        case(
            "tab before a key",
            c,
            b"---\ntitle: x\n\tweight: 1\n---\n".to_vec(),
        ),
        case("unclosed quote", c, md("title: \"open\n", "")),
        case("unclosed flow list", c, md("title: [a, b\n", "")),
        case("colon in a plain value", c, md("title: a: b\n", "")),
        case(
            "front matter never closed",
            c,
            b"---\ntitle: x\nbody\n".to_vec(),
        ),
        case("front matter is a list", c, md("- a\n- b\n", "")),
        case("front matter is a string", c, md("just text\n", "")),
        case("empty front matter", c, md("", "no title, no heading\n")),
        case("empty file", c, Vec::new()),
        case("only whitespace", c, b"   \n\n  \n".to_vec()),
        case("non-UTF-8 bytes", c, b"---\ntitle: caf\xe9\n---\n".to_vec()),
        case(
            "UTF-16 file",
            c,
            vec![0xff, 0xfe, b'-', 0, b'-', 0, b'-', 0],
        ),
        case(
            "BOM and CRLF with an error",
            c,
            b"\xef\xbb\xbf---\r\ntitle: x\r\nweight: heavy\r\n---\r\n".to_vec(),
        ),
        case("duplicate keys", c, md("title: a\ntitle: b\n", "")),
        case("unknown field", c, md("title: a\ntilte: b\n", "")),
        case("unknown kind", c, md("title: a\nkind: roaster\n", "")),
        case("kind is a list", c, md("title: a\nkind: [page]\n", "")),
        case("title is a mapping", c, md("title: {a: 1}\n", "")),
        case("weight is a float", c, md("title: a\nweight: 1.5\n", "")),
        case(
            "weight overflows",
            c,
            md("title: a\nweight: 99999999999999999999999\n", ""),
        ),
        case("draft is text", c, md("title: a\ndraft: yes please\n", "")),
        case(
            "impossible date",
            c,
            md("title: a\nkind: step\ndue: 2026-02-30\n", ""),
        ),
        case(
            "month thirteen",
            c,
            md("title: a\nkind: step\ndue: 2026-13-01\n", ""),
        ),
        case(
            "date as a number",
            c,
            md("title: a\nkind: step\ndue: 20260301\n", ""),
        ),
        case(
            "date with time",
            c,
            md("title: a\nkind: step\ndue: 2026-03-01T10:00:00\n", ""),
        ),
        case("alias bomb", c, md(&billion, "")),
        case(
            "deep nesting",
            c,
            md(
                &format!("title: a\nx: {}{}\n", "[".repeat(200), "]".repeat(200)),
                "",
            ),
        ),
        case("unknown alias", c, md("title: *nowhere\n", "")),
        case("complex key", c, md("title: a\n? [x, y]\n: z\n", "")),
        case(
            "goals not a list",
            c,
            md("title: G\nkind: goals\ngoals: many\n", ""),
        ),
        case(
            "goal result without value",
            c,
            md(
                "title: G\nkind: goals\ngoals:\n  - {id: g, title: G, target: 3, results: [{date: 2026-01-01}]}\n",
                "",
            ),
        ),
        case(
            "agenda minutes negative",
            c,
            md(
                "title: S\nkind: session\nagenda:\n  - {minutes: -5, item: x}\n",
                "",
            ),
        ),
        case(
            "cadence nonsense",
            "content/r.md",
            roster("cadence: sometimes\npairs: []\n---\n"),
        ),
        case(
            "pair status computed value",
            "content/r.md",
            roster("pairs:\n  - {id: p, mentor: a, mentee: b, status: on track}\n---\n"),
        ),
        case(
            "session without date",
            "content/r.md",
            roster("pairs:\n  - {id: p, mentor: a, mentee: b, sessions: [{template: x}]}\n---\n"),
        ),
        case(
            "mentor is a number",
            "content/r.md",
            roster("pairs:\n  - {id: p, mentor: 7, mentee: b}\n---\n"),
        ),
        case(
            "pair mentors themselves",
            "content/r.md",
            roster("pairs:\n  - {id: p, mentor: a, mentee: a}\n---\n"),
        ),
        case(
            "people data is a mapping of strings",
            "data/people.yaml",
            b"a: b\n".to_vec(),
        ),
        case(
            "people data is broken YAML",
            "data/people.yaml",
            b"- {id: a, name: [\n".to_vec(),
        ),
        case(
            "person without a name",
            "data/people.yaml",
            b"- {id: a}\n".to_vec(),
        ),
        case(
            "circular reports_to",
            "data/people.yaml",
            b"- {id: a, name: A, reports_to: b}\n- {id: b, name: B, reports_to: a}\n".to_vec(),
        ),
        case(
            "reports to themselves",
            "data/people.yaml",
            b"- {id: a, name: A, reports_to: a}\n".to_vec(),
        ),
        case("config is a list", "playbook.yaml", b"- title\n".to_vec()),
        case(
            "config unknown key",
            "playbook.yaml",
            b"titel: x\n".to_vec(),
        ),
        case(
            "config rule level",
            "playbook.yaml",
            b"rules: {reporting_line: maybe}\n".to_vec(),
        ),
        case(
            "file name with spaces and accents",
            "content/café au lait.md",
            md("title: x\nweight: heavy\n", ""),
        ),
        case(
            "file name in another script",
            "content/наставник.md",
            md("title: x\nkind: nope\n", ""),
        ),
        case("huge file with an error at the end", c, {
            let mut body = "All good here. ".repeat(200_000);
            body.push_str("\n[broken](missing.md)\n");
            md("title: Big\n", &body)
        }),
        case(
            "huge front matter",
            c,
            md(&format!("title: x\n{}", "tags: [a]\n".repeat(50_000)), ""),
        ),
        case(
            "link to a missing anchor",
            c,
            md("title: x\n", "[a](#nowhere)\n"),
        ),
    ]
}
