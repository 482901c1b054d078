//! Authoring conveniences on a real build: GitHub's alerts as callouts and
//! snippets included from `snippets/` (tests/fixtures/authoring), and
//! `check`'s diagnostics for includes that cannot be followed.

use crate::support::Site;

const AS_OF: &str = "2026-11-24";

/// `check --format json` as `file:line:col code` lines.
fn diagnostics(site: &Site) -> Vec<String> {
    site.run("check", ["--format", "json", "--as-of", AS_OF])
        .located()
}

#[test]
fn each_alert_is_a_callout_a_screen_reader_announces_by_its_label() {
    let built = Site::from_fixture("authoring").as_of(AS_OF).build();
    let page = built.doc("callouts/");
    for (kind, label) in [
        ("note", "Note"),
        ("tip", "Tip"),
        ("important", "Important"),
        ("warning", "Warning"),
        ("caution", "Caution"),
    ] {
        let css = format!(".content div.callout.callout-{kind}[role=note]");
        assert_eq!(page.count(&css), 1, "{css}");
        assert_eq!(
            page.text(&format!("{css} > p.callout-title:first-child")),
            label
        );
    }
    // An alert GitHub does not know stays the quote it is written as.
    assert_eq!(page.count(".content .callout"), 5);
    assert_eq!(
        page.text(".content blockquote"),
        "[!FOO] An unknown kind stays a quote."
    );
    built.assert_every_page_allow_listed();
}

#[test]
fn a_snippet_is_part_of_each_page_that_includes_it() {
    let site = Site::from_fixture("authoring").as_of(AS_OF);
    assert!(diagnostics(&site).is_empty());
    let built = site.build();
    for page in ["team/one/", "team/two/"] {
        let doc = built.doc(page);
        let text = doc.text(".content");
        assert!(
            text.contains("Every session opens with the zephyrine welcome."),
            "{page}: {text}"
        );
        // Between the page's own paragraphs, where the include line is.
        let (before, after) = text.split_once("zephyrine").expect("included");
        assert!(
            before.contains("starts here") && after.contains("ends here"),
            "{text}"
        );
        // Its heading has an id and a place in the table of contents.
        assert_eq!(doc.count(".content h2#welcome"), 1, "{page}");
        assert_eq!(
            doc.attrs(".toc a", "href"),
            ["#welcome", "#afterwards"],
            "{page}"
        );
        // Its link is resolved from the page, not from snippets/.
        assert_eq!(
            doc.attrs(".content a:not(.anchor)", "href"),
            ["../../rules/#confidentiality"],
            "{page}"
        );
    }
    assert!(
        built
            .files_containing("zephyrine")
            .iter()
            .any(|f| f.starts_with("search/")),
        "the search index holds the included words"
    );
    // Snippets are no pages of their own.
    assert!(
        built
            .files_containing("zephyrine")
            .iter()
            .all(|f| !f.contains("welcome"))
    );
}

#[test]
fn includes_that_cannot_be_followed_are_reported_at_their_line() {
    let site = Site::from_fixture("authoring");
    site.write(
        "content/team/three.md",
        "---\ntitle: Three\n---\n\n<!-- include: welcom.md -->\n\n  <!-- include: ../content/rules.md -->\n\n<!-- include: a.md -->\n",
    );
    site.write("snippets/a.md", "A\n\n<!-- include: b.md -->\n");
    site.write("snippets/b.md", "<!-- include: a.md -->\n");
    assert_eq!(
        diagnostics(&site),
        [
            "content/team/three.md:5:1 unknown-snippet",
            "content/team/three.md:7:3 bad-include",
            "snippets/a.md:3:1 include-loop",
            "snippets/b.md:1:1 include-loop",
        ]
    );
    let human = site.check();
    assert!(!human.status().success());
    let out = human.stderr() + &human.stdout();
    assert!(out.contains("did you mean `welcome.md`?"), "{out}");
    assert!(
        out.contains("snippets include each other in a loop: a.md -> b.md -> a.md"),
        "{out}"
    );
}

#[test]
fn a_broken_link_in_a_snippet_is_reported_at_each_include_line() {
    let site = Site::from_fixture("authoring");
    site.edit("snippets/welcome.md", |text| {
        text.replace("../rules.md#confidentiality", "../rule.md")
    });
    assert_eq!(
        diagnostics(&site),
        [
            "content/team/one.md:7:1 broken-link",
            "content/team/two.md:7:1 broken-link",
        ]
    );
    let human = site.check();
    let out = human.stderr() + &human.stdout();
    assert!(
        out.contains("link to `../rule.md` points at no page (looked for content/rule.md) (written in snippets/welcome.md)"),
        "{out}"
    );
}

#[test]
fn the_default_playbook_marks_its_warnings_and_shares_its_ground_rules() {
    let built = Site::repo().as_of(AS_OF).build();
    let step = built.doc("launch/04-pair-people/");
    assert!(
        step.text(".content .callout-warning[role=note]")
            .starts_with("Warning Never pair someone with their line manager"),
        "{}",
        step.text(".content")
    );
    for session in ["sessions/01-kickoff/", "sessions/07-closing-retrospective/"] {
        let doc = built.doc(session);
        assert!(
            doc.text(".content .callout-important[role=note]")
                .starts_with("Important What is said in a session stays in the pair."),
            "{session}"
        );
        assert_eq!(doc.count(".content h2#ground-rules"), 1, "{session}");
    }
}
