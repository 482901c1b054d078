//! Input whose size or depth would crash or stall the tool.

use super::{Case, case, md};

pub(super) fn cases() -> Vec<Case> {
    let c = "content/a.md";
    let deep = 5_000;
    let goals = |values: &str| {
        md(
            &format!("title: Goals\nkind: goals\ngoals:\n  - id: g\n    title: G\n{values}"),
            "",
        )
    };
    vec![
        // Each of these overflowed the stack (exit 134) before the depth
        // limit could refuse it.
        case(
            "block list nested 5,000 deep",
            c,
            md(&format!("title: x\nx:\n{}x\n", "- ".repeat(deep)), ""),
        ),
        case(
            "playbook.yaml nested 5,000 deep",
            "playbook.yaml",
            format!("{}x\n", "- ".repeat(deep)).into_bytes(),
        ),
        case(
            "people.yaml nested 5,000 deep",
            "data/people.yaml",
            format!("{}x\n", "- ".repeat(deep)).into_bytes(),
        ),
        case(
            "block mappings nested 5,000 deep",
            c,
            md(&format!("{}x\n", "? ".repeat(deep)), ""),
        ),
        case(
            "indented mappings nested 100 deep",
            c,
            md(
                &(0..100)
                    .map(|i| format!("{}a:\n", "  ".repeat(i)))
                    .collect::<String>(),
                "",
            ),
        ),
        case(
            "flow lists nested 5,000 deep",
            c,
            md(
                &format!("x: {}{}\n", "[".repeat(deep), "]".repeat(deep)),
                "",
            ),
        ),
        case(
            "flow mappings nested 5,000 deep",
            c,
            md(
                &format!("x: {}1{}\n", "{a: ".repeat(deep), "}".repeat(deep)),
                "",
            ),
        ),
        case(
            "a target of 1e999",
            "content/goals.md",
            goals("    target: 1e999\n"),
        ),
        case(
            "goal values near the largest number",
            "content/goals.md",
            goals(
                "    baseline: -1.7e308\n    target: 1.7e308\n    results: [{date: 2026-01-01, value: 1.7e308}]\n",
            ),
        ),
        case(
            "agenda minutes that wrap around",
            "content/session.md",
            md(
                "title: S\nkind: session\nduration: 1\nagenda:\n  - {minutes: 4294967295, item: a}\n  - {minutes: 2, item: b}\n",
                "",
            ),
        ),
        // Stalls: each heading's id was retried from `-1`, each broken
        // anchor compared with every heading.
        case(
            "20,000 identical headings",
            c,
            md(
                "title: x\n",
                &format!("{}[x](missing.md)\n", "## Plan\n\n".repeat(20_000)),
            ),
        ),
        case(
            "10,000 broken links on one line",
            c,
            md(
                "title: x\n",
                &format!("{}\n", "[x](missing.md) ".repeat(10_000)),
            ),
        ),
        case(
            "20,000 broken anchors into 20,000 headings",
            c,
            md(
                "title: x\n",
                &format!(
                    "{}{}\n",
                    (0..20_000)
                        .map(|i| format!("## h{i}\n"))
                        .collect::<String>(),
                    (0..20_000)
                        .map(|i| format!("[x](#zz{i}) "))
                        .collect::<String>()
                ),
            ),
        ),
    ]
}
