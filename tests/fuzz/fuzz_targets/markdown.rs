//! Any Markdown body: scanning (headings, links, task lists) and rendering
//! with link rewriting and sanitising must not panic, must give the same
//! heading ids in both, and must never emit a script link.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mentorbook::config::RawHtml;
use mentorbook::urls::{LinkTarget, classify_link};

fuzz_target!(|data: &[u8]| {
    let Ok(body) = std::str::from_utf8(data) else { return };
    let scan = mentorbook::source::markdown::scan(body, 5);
    let resolve = |dest: &str| match classify_link("content/launch/01-a.md", dest) {
        LinkTarget::Page { file, anchor } => Some(format!("../{file}/{}", anchor.unwrap_or(""))),
        _ => None,
    };
    let rendered = mentorbook::render::markdown::render(body, &resolve, RawHtml::Sanitize);
    let scanned: Vec<&str> = scan.headings.iter().filter(|h| (2..=3).contains(&h.level)).map(|h| h.id.as_str()).collect();
    let toc: Vec<&str> = rendered.toc.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(scanned, toc, "check and render disagree on heading ids");
    let lower = rendered.html.to_ascii_lowercase();
    // Links and images the renderer wrote (text may mention anything).
    for tag in ["<a href=\"", "<img src=\""] {
        for (at, _) in lower.match_indices(tag) {
            let url = &lower[at + tag.len()..];
            assert!(!url.starts_with("javascript:") && !url.starts_with("vbscript:"), "{}", rendered.html);
        }
    }
    assert!(!lower.contains("<script"), "{}", rendered.html);
});
