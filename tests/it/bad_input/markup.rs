//! Markdown and HTML that would run script or restyle the page are
//! sanitised, not refused (tests/it/security/markup.rs); what is refused is
//! HTML nested so deep that reading it would stall the build.

use super::{Case, case, md};

pub(super) fn cases() -> Vec<Case> {
    let front = "title: Deep\n";
    vec![
        // ~300 KB: 9-11 s in the sanitiser before.
        case(
            "50,000 nested divs",
            "content/deep-divs.md",
            md(front, &"<div>".repeat(50_000)),
        ),
        case(
            "50,000 unclosed inline tags",
            "content/deep-bold.md",
            md(front, &format!("Text {}x\n", "<b>".repeat(50_000))),
        ),
        case(
            "stray end tags do not hide nesting",
            "content/deep-stray.md",
            md(front, &"<div></span>".repeat(20_000)),
        ),
        case(
            "50,000 nested block quotes",
            "content/deep-quotes.md",
            md(front, &format!("{} x\n", ">".repeat(50_000))),
        ),
        case(
            "Markdown lists around raw HTML",
            "content/deep-mixed.md",
            md(
                front,
                &(0..150)
                    .map(|i| format!("{}- <section>\n\n", "  ".repeat(i)))
                    .collect::<String>(),
            ),
        ),
    ]
}
