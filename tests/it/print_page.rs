//! `print/`: the whole playbook on one page, linked from the home page:
//! guides with their steps, session templates, goals with their chart and
//! the other pages, under a table of contents; never a pair, a roster, a
//! draft (without `--drafts`) or anything private.

use crate::support::{Doc, SECRETS, Site, site_with_secrets};

/// The titles of the chapters, in order.
fn chapters(print: &Doc) -> Vec<String> {
    print
        .all(".print-chapter > .chapter-header > :is(h2, h3)")
        .iter()
        .map(|h| h.text().collect::<String>().trim().to_string())
        .collect()
}

#[test]
fn the_print_page_holds_the_playbook_and_nothing_private() {
    let built = site_with_secrets().build();
    assert_eq!(built.doc("").attrs(".home-links a", "href")[1], "./print/");
    let print = built.doc("print/");
    assert_eq!(
        chapters(&print),
        [
            "Welcome",
            "Goals",
            "Launch guide",
            "Define goals",
            "Pair people",
            "Review",
            // The confidential pair's folder: its `_index.md` is the pair's
            // file, so the section goes by its folder's name.
            "Secret",
            "Beside the pair file",
            "Sessions",
            "Kickoff",
            "Digital tools",
        ],
    );
    // The contents link every chapter, steps under their guide.
    let contents: Vec<String> = print.attrs(".print-contents a", "href");
    let ids: Vec<String> = print
        .attrs(".print-chapter > .chapter-header > :is(h2, h3)", "id")
        .iter()
        .map(|id| format!("#{id}"))
        .collect();
    assert_eq!(contents, ids);
    assert_eq!(
        print.count(".print-contents > ol > li > ol > li"),
        3 + 1 + 2
    );

    // Each kind shows what its own page shows, bodies included.
    assert_eq!(print.count("#p-guide--checklist tbody tr"), 3);
    let steps: Vec<String> = print
        .all(".print-step .chapter-header .facts")
        .iter()
        .map(|facts| facts.text().collect::<Vec<_>>().join(" "))
        .map(|text| text.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(steps.len(), 3);
    assert!(steps[0].contains("Status done"), "{steps:?}");
    assert!(
        print
            .text(".print-step .content")
            .contains("Write the goals")
    );
    let kickoff = Doc::parse(
        &print
            .all(".print-session")
            .first()
            .expect("a session template")
            .html(),
    );
    assert_eq!(kickoff.text(".agenda tfoot th"), "45");
    assert_eq!(kickoff.text(".prompts"), "What do you hope to learn?");
    assert!(kickoff.text(".content").contains("The first meeting."));
    assert_eq!(kickoff.count(".used-by"), 0, "no pair counts in print");
    assert_eq!(print.count(".goals-table tbody tr"), 2);
    assert_eq!(print.count(".goals-over-time svg.goal-chart"), 2);
    assert!(
        print
            .text(".print-goals .content")
            .contains("Surveys before and after.")
    );

    // No pair, roster or secret: the pairs are on the dashboard.
    let text = print.text("main");
    for absent in [
        "Cohort 2026",
        "Chat tools",
        "Good start",
        "library",
        "Dana Developer and",
    ] {
        assert!(!text.contains(absent), "{absent} is printed");
    }
    assert!(
        print
            .attrs("main a", "href")
            .iter()
            .all(|h| !h.contains("pairs/"))
    );
    let page = built.page("print/");
    for marker in SECRETS {
        assert!(
            !page.to_lowercase().contains(&marker.to_lowercase()),
            "{marker}"
        );
    }
    built.assert_internal_links_resolve();
}

#[test]
fn links_between_printed_pages_stay_on_the_print_page() {
    let print = Site::from_fixture("valid")
        .as_of("2026-04-01")
        .build()
        .doc("print/");
    // "Start with the [guide](guide/_index.md) or the [goals](goals.md#how-we-measure)."
    let home = print.attrs("section[aria-labelledby=\"p-home\"] .content a", "href");
    assert!(home.contains(&"#p-guide".to_string()), "{home:?}");
    assert!(
        home.contains(&"#p-goals--how-we-measure".to_string()),
        "{home:?}"
    );
    // Headings move under the chapter's title and keep unique ids.
    assert_eq!(print.text("h3#p-goals--how-we-measure"), "How we measure #");
}

#[test]
fn drafts_are_printed_only_with_drafts() {
    let site = Site::from_fixture("valid").as_of("2026-04-01");
    site.write(
        "content/guide/04-later.md",
        "---\ntitle: Secret later step\nkind: step\nstep: 4\ndraft: true\n---\nNot yet.\n",
    );
    let print = site.build().doc("print/");
    assert!(!print.text("main").contains("Secret later step"));
    let print = site.arg("--drafts").build().doc("print/");
    assert!(chapters(&print).contains(&"Secret later step".to_string()));
}

#[test]
fn no_page_may_take_the_print_address() {
    let site = Site::from_fixture("valid");
    site.write("content/print.md", "---\ntitle: Mine\n---\n");
    let check = site.check();
    assert_eq!(check.status().code(), Some(1));
    let out = check.stdout() + &check.stderr();
    assert!(
        out.contains("`print/` is a page mentorbook generates"),
        "{out}"
    );
}
