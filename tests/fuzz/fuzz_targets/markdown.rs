//! Any Markdown body: scanning (headings, links, task lists, nesting) and
//! rendering with link rewriting and the sanitiser must not panic, must give
//! the same heading ids in both, and, with raw HTML sanitised or allowed,
//! must write only what the allow-list lets through: every tag read back
//! from the output has no `on*` handler, no script address, no style but a
//! cell's alignment, and is no script, style, form or page-level element;
//! and the output is a fixed point of the sanitiser (nothing left to remove).
#![no_main]

use libfuzzer_sys::fuzz_target;
use mentorbook::config::RawHtml;
use mentorbook::render::sanitize;
use mentorbook::urls::{LinkTarget, classify_link};

const NEVER: &[&str] = &[
    "script", "style", "svg", "math", "form", "button", "textarea", "select", "base", "meta",
    "link", "object", "embed", "template", "frame", "frameset", "noscript",
];
const STYLES: &[&str] = &[
    "text-align: left",
    "text-align: center",
    "text-align: right",
];

fuzz_target!(|data: &[u8]| {
    let Ok(body) = std::str::from_utf8(data) else {
        return;
    };
    let scan = mentorbook::source::markdown::scan(body, 5);
    let resolve = |dest: &str| match classify_link("content/launch/01-a.md", "launch/01-a/", dest) {
        LinkTarget::Page { file, anchor } => Some(format!("../{file}/{}", anchor.unwrap_or(""))),
        _ => None,
    };
    for mode in [RawHtml::Sanitize, RawHtml::Allow] {
        let rendered = mentorbook::render::markdown::render(body, &resolve, mode);
        let scanned: Vec<&str> = scan
            .headings
            .iter()
            .filter(|h| (2..=3).contains(&h.level))
            .map(|h| h.id.as_str())
            .collect();
        let toc: Vec<&str> = rendered.toc.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(scanned, toc, "check and render disagree on heading ids");
        assert_allow_listed(&rendered.html, mode);
        assert_eq!(
            sanitize::clean(rendered.html.clone(), mode),
            rendered.html,
            "not a fixed point"
        );
    }
});

/// Reads the output's tags back. The sanitiser escapes `<` in text and
/// `"`, `<`, `>` in values, so every `<` opens a tag and the next `>`
/// closes it.
fn assert_allow_listed(html: &str, mode: RawHtml) {
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        let Some(end) = rest[at..].find('>') else {
            panic!("unclosed tag in {html}")
        };
        let tag = &rest[at + 1..at + end];
        rest = &rest[at + end + 1..];
        let tag = tag.strip_prefix('/').unwrap_or(tag);
        let (name, mut attrs) = tag.split_once(' ').unwrap_or((tag, ""));
        assert!(!NEVER.contains(&name), "<{name}> in {html}");
        if mode == RawHtml::Sanitize {
            assert!(
                !matches!(name, "iframe" | "video" | "audio"),
                "<{name}> in {html}"
            );
        }
        while !attrs.is_empty() {
            let (attr, value, next) = match attrs.split_once(['=', ' ']) {
                Some((attr, after)) if attrs.as_bytes()[attr.len()] == b'=' => {
                    let after = after.strip_prefix('"').expect("quoted value");
                    let (value, next) = after.split_once('"').expect("closing quote");
                    (attr, value, next.trim_start())
                }
                Some((attr, next)) => (attr, "", next),
                None => (attrs, "", ""),
            };
            attrs = next;
            assert!(!attr.starts_with("on"), "{attr} in {html}");
            assert!(
                !matches!(attr, "srcdoc" | "formaction" | "action" | "xlink:href"),
                "{attr} in {html}"
            );
            if attr == "style" {
                assert!(STYLES.contains(&value), "style={value} in {html}");
            }
            if matches!(attr, "href" | "src" | "cite" | "poster") {
                let url: String = value
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                assert!(
                    !url.starts_with("javascript:") && !url.starts_with("vbscript:"),
                    "{attr}={value} in {html}"
                );
                assert!(
                    !url.starts_with("data:") || (name == "img" && url.starts_with("data:image/")),
                    "{attr}={value} in {html}"
                );
            }
        }
    }
}
