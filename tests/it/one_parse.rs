//! A build parses each page's Markdown once: what the checks read of a
//! plain page (its links, headings, checklists, nesting) comes from the
//! parse that renders it (`render::markdown::render_and_scan`), and the
//! link rule runs after render. These tests hold that to what `check`
//! reads and reports.

use crate::support::{Site, fixture, repo};
use chrono::NaiveDate;
use mentorbook::config::RawHtml;
use mentorbook::diagnostic::Diagnostic;
use mentorbook::pipeline::{self, BuildError, BuildOptions, load_and_check};
use mentorbook::render::markdown::{Scope, render_and_scan};
use mentorbook::source::markdown::scan;
use std::path::Path;

/// Bodies made to be hard to read alike: repeated and explicit heading
/// ids, the theme's own ids, reference and raw HTML links, mail
/// addresses, images, checklists, footnotes, nesting too deep with a
/// link after it.
const HARD: &[&str] = &[
    "# A\n\n## A\n\n## A {#a-1}\n\n### `code` *and* text\n\n## main\n",
    "[x][ref] [y] [z][]\n\n[ref]: a.md#one\n[y]: <b.md>\n[z]: https://example.org\n",
    "<a href=\"c.md\">c</a> <img src=\"d.png\"> <ana@example.org> ![e](e.png \"t\")\n",
    "- [x] done\n- [ ] not\n  - [X] nested\n\n> [!NOTE]\n> [in a callout](f.md)\n",
    "Text[^1].\n\n[^1]: A note with [a link](g.md).\n\n<!-- [no](h.md) -->\n",
];

fn markdown_files(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            markdown_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.extend(std::fs::read_to_string(&path).ok());
        }
    }
}

#[test]
fn rendering_a_body_reads_it_as_check_does() {
    let mut bodies: Vec<String> = HARD.iter().map(|b| b.to_string()).collect();
    bodies.push(format!(
        "Intro.\n\n{}x\n\n[after](i.md) and ## not a heading\n\n## Late\n",
        "<div>".repeat(600)
    ));
    for dir in ["content", "examples", "tests/fixtures"] {
        markdown_files(&repo().join(dir), &mut bodies);
    }
    assert!(bodies.len() > 100, "{} bodies", bodies.len());
    let no_links = |_: &str| None;
    for body in &bodies {
        for first_line in [1, 5] {
            let (_, read) = render_and_scan(
                body,
                first_line,
                &no_links,
                RawHtml::Sanitize,
                Scope::default(),
            );
            assert_eq!(read, scan(body, first_line), "{body}");
        }
    }
}

fn diagnostics_of(built: Result<pipeline::Built, BuildError>) -> (Vec<Diagnostic>, bool) {
    match built {
        Ok(built) => (built.checked.diagnostics, true),
        Err(BuildError::Invalid(checked)) => (checked.diagnostics, false),
        Err(BuildError::Io(message)) => panic!("{message}"),
    }
}

/// Every rule's fixture, and the clean ones: a build reports what `check`
/// reports for the same date, and a refused build leaves the previous
/// output as it was.
#[test]
fn a_build_reports_what_check_reports_and_keeps_the_last_site() {
    let as_of = NaiveDate::from_ymd_opt(2026, 4, 1).expect("date");
    let mut cases: Vec<_> = std::fs::read_dir(fixture("invalid"))
        .expect("fixtures")
        .flatten()
        .map(|e| e.path())
        .collect();
    cases.sort();
    cases.extend(["valid", "authoring", "hostile-html"].map(fixture));
    let out = tempfile::tempdir().expect("tempdir");
    let site = out.path().join("site");
    let options = BuildOptions {
        out: site.clone(),
        render: mentorbook::render::Options {
            as_of,
            drafts: false,
        },
        base_url: None,
    };
    let mut refused = 0;
    for case in cases {
        // The last site, built from the valid fixture.
        let (_, ok) = diagnostics_of(pipeline::build(&fixture("valid"), &options));
        assert!(ok);
        let last = std::fs::read(site.join("index.html")).expect("last site");
        let (built, ok) = diagnostics_of(pipeline::build(&case, &options));
        let checked = load_and_check(&case).expect("loads").as_of(as_of);
        assert_eq!(built, checked.diagnostics, "{}", case.display());
        if !ok {
            refused += 1;
            let now = std::fs::read(site.join("index.html")).expect("kept");
            assert_eq!(now, last, "{}", case.display());
        }
    }
    assert!(refused >= 20, "{refused} refused");
}

/// A page nested too deep is refused at its line, with the broken link
/// written after the deep part reported too, as `check` reports both.
#[test]
fn a_page_nested_too_deep_is_refused_with_its_other_problems() {
    let site = Site::empty();
    site.write(
        "content/deep.md",
        format!(
            "---\ntitle: Deep\n---\nIntro.\n\n{}x\n\n[gone](missing.md)\n",
            "<div>".repeat(600)
        ),
    );
    let built = site.try_build();
    assert!(!built.status().success());
    let stderr = built.stderr();
    assert!(stderr.contains("html-too-deep"), "{stderr}");
    assert!(stderr.contains("broken-link"), "{stderr}");
    assert!(stderr.contains("missing.md"), "{stderr}");
}
