//! Script and styles through Markdown, attributes and raw HTML: a site whose
//! pages hold every attack of `tests/fixtures/hostile-html` builds, and no
//! page carries any of it, whether raw HTML is sanitised or allowed. Every
//! page of the default playbook and of every example passes the same
//! allow-list check (`support::assert_allow_listed`), so later changes to
//! the theme or the renderer are held to it too.

use crate::support::{Built, Site, assert_allow_listed, repo};
use std::process::Command;
use std::time::{Duration, Instant};

fn hostile(raw_html: &str) -> Built {
    let site = Site::from_fixture("hostile-html").as_of("2026-02-01");
    if raw_html != "sanitize" {
        site.edit("playbook.yaml", |text| {
            text.replace("raw_html: sanitize", &format!("raw_html: {raw_html}"))
        });
    }
    site.build()
}

/// What an attacker looks for in the output: any trace of a payload.
fn assert_no_payload_anywhere(built: &Built) {
    for page in built.files().iter().filter(|f| f.ends_with(".html")) {
        let text = built.file(page).to_lowercase();
        for payload in [
            "alert(",
            "msgbox(",
            "evil.example",
            "javascript:",
            "vbscript:",
        ] {
            assert!(!text.contains(payload), "{page} carries {payload}");
        }
    }
}

#[test]
fn hostile_pages_build_and_no_page_carries_any_attack_when_sanitised() {
    let built = hostile("sanitize");
    assert!(built.assert_every_page_allow_listed() >= 8);
    assert_no_payload_anywhere(&built);
    // What was harmless stays for readers.
    let links = built.doc("links/");
    assert_eq!(links.attrs(".content a", "href"), ["https://example.org/"]);
    assert!(links.text(".content").contains("leading space"));
    assert_eq!(
        built.doc("elements/").text("details summary"),
        "More",
        "details stay"
    );
}

#[test]
fn hostile_pages_build_and_no_page_carries_any_attack_when_raw_html_is_allowed() {
    let built = hostile("allow");
    assert!(built.assert_every_page_allow_listed() >= 8);
    assert_no_payload_anywhere(&built);
    // Trusted editors keep media and data attributes, never handlers.
    let elements = built.doc("elements/");
    assert_eq!(elements.attrs("video", "data-x"), ["1"]);
    assert!(elements.attrs("video", "poster").is_empty());
}

#[test]
fn heading_attributes_keep_their_id_and_classes_only_and_anchors_still_work() {
    let built = hostile("sanitize");
    assert_allow_listed("headings/", &built.page("headings/"));
    let doc = built.doc("headings/");
    for (css, id, classes) in [
        ("h2#hi", "hi", None),
        ("h2#styled", "styled", None),
        ("h3#click-me", "click-me", Some("note")),
        ("h4#odd", "odd", Some("a b")),
    ] {
        let heading = doc.all(css);
        let heading = heading.first().unwrap_or_else(|| panic!("no {css}"));
        let mut attrs: Vec<&str> = heading.value().attrs().map(|(name, _)| name).collect();
        attrs.sort_unstable();
        let expected: Vec<&str> = classes.map(|_| "class").into_iter().chain(["id"]).collect();
        assert_eq!(attrs, expected, "{css}");
        assert_eq!(heading.value().attr("class"), classes, "{css}");
        assert_eq!(
            doc.attrs(&format!("{css} a.anchor"), "href"),
            [format!("#{id}")],
            "{css}"
        );
    }
    // The table of contents and the page's own links (which `check`
    // accepted) point at those ids.
    assert_eq!(doc.attrs(".toc a", "href"), ["#hi", "#styled", "#click-me"]);
    assert_eq!(
        doc.attrs(".content p a", "href"),
        ["#hi", "#styled", "#click-me"]
    );
}

#[test]
fn a_carriage_return_written_as_a_reference_reaches_the_reader_as_one() {
    // Found by the markdown fuzz target: the sanitiser wrote the CR of
    // `&#13;` bare, which a browser reads as a line feed.
    let site = Site::from_fixture("hostile-html").as_of("2026-02-01");
    site.edit("content/tables.md", |text| {
        format!("{text}\n<p id=\"cr\" title=\"a&#13;b\">x&#13;y</p>\n")
    });
    let built = site.build();
    assert!(!built.page("tables/").contains('\r'));
    let doc = built.doc("tables/");
    assert_eq!(doc.attrs("p#cr", "title"), ["a\rb"]);
    let p = doc.all("p#cr");
    let text: String = p.first().map(|e| e.text().collect()).unwrap_or_default();
    assert_eq!(text, "x\ry");
}

#[test]
fn table_alignment_stays_and_styles_smuggled_after_it_go() {
    let built = hostile("sanitize");
    let doc = built.doc("tables/");
    assert_eq!(
        doc.attrs("table:first-of-type th", "style"),
        [
            "text-align: left",
            "text-align: center",
            "text-align: right"
        ]
    );
    assert_eq!(
        doc.attrs("[style]", "style").len(),
        7,
        "the two smuggled cell styles are gone"
    );
    assert!(doc.text(".content").contains("overlay"));
}

#[test]
fn the_default_playbook_passes_the_allow_list_on_every_page() {
    let built = Site::repo().as_of("2026-11-24").build();
    assert!(built.assert_every_page_allow_listed() >= 30);
}

#[test]
fn every_example_passes_the_allow_list_on_every_page() {
    let mut examples = 0;
    for entry in std::fs::read_dir(repo().join("examples")).expect("examples/") {
        let dir = entry.expect("entry").path();
        if dir.join("content").is_dir() {
            let built = Site::from_dir(&dir).as_of("2026-11-24").build();
            assert!(
                built.assert_every_page_allow_listed() > 0,
                "{}",
                dir.display()
            );
            examples += 1;
        }
    }
    assert!(examples >= 2, "only {examples} examples");
    // The synthetic generator is an example too.
    let tmp = tempfile::tempdir().expect("tmp");
    let status = Command::new("python3")
        .arg(repo().join("examples/synthetic/generate.py"))
        .args(["--pairs", "30", "--out"])
        .arg(tmp.path().join("synthetic"))
        .stdout(std::process::Stdio::null())
        .status()
        .expect("python3");
    assert!(status.success());
    let built = Site::in_place(&tmp.path().join("synthetic"))
        .as_of("2026-11-24")
        .build();
    assert!(built.assert_every_page_allow_listed() > 30);
}

#[test]
fn html_nested_too_deep_is_refused_at_its_line_before_the_build_pays_for_it() {
    let site = Site::empty();
    site.write(
        "content/deep.md",
        format!(
            "---\ntitle: Deep\n---\nIntro.\n\n{}x\n",
            "<div>".repeat(50_000)
        ),
    );
    let started = Instant::now();
    let built = site.try_build();
    let elapsed = started.elapsed();
    assert!(!built.status().success());
    assert!(
        built.stderr().contains("content/deep.md:6:1") && built.stderr().contains("html-too-deep"),
        "{}",
        built.stderr()
    );
    // Seconds on the code before (the sanitiser's tree building was
    // quadratic); a debug build of the check is well under this.
    assert!(elapsed < Duration::from_secs(4), "{elapsed:?}");
}

/// The theme finds its own elements by id: `#mentorbook-overlay` (serve's
/// error panel) is fixed over the whole window above everything, so a
/// page taking that id could lay a sign-in form of its own over the site.
/// Content keeps its other ids; headings that ask for a theme id get the
/// next free one, as generated ids do.
#[test]
fn content_cannot_take_the_themes_ids_to_cover_the_page() {
    let site = Site::empty();
    site.write(
        "content/trap.md",
        "---\ntitle: Trap\n---\n\
         <a href=\"https://x.example/login\" id=\"mentorbook-overlay\">Your session expired</a>\n\n\
         <div id=\"search-results\">fake results</div>\n\n\
         ## Cover {#mentorbook-overlay}\n\n\
         <p id=\"own\">kept</p>\n",
    );
    let built = site.build();
    let doc = built.doc("trap/");
    assert_eq!(
        doc.count("#mentorbook-overlay"),
        0,
        "{}",
        built.page("trap/")
    );
    assert_eq!(doc.count("#search-results"), 1, "the theme's own box only");
    assert_eq!(doc.attrs("h2", "id"), ["mentorbook-overlay-1"]);
    assert_eq!(doc.attrs(".content p#own", "id"), ["own"]);
    assert!(doc.text(".content").contains("Your session expired"));
}
