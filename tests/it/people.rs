//! A page per person (`people/<id>/`) and the people directory: who they
//! are, their manager and reports, their pairs with status and next
//! session, their own calendar; what of a confidential pair, an email or a
//! draft roster's people reaches them.

use crate::support::{Built, Doc, Site};
use std::collections::BTreeMap;

const AS_OF: &str = "2026-11-24";

/// The text of each cell of a table's body rows.
fn rows(doc: &Doc, table: &str) -> Vec<Vec<String>> {
    doc.all(&format!("{table} tbody tr"))
        .into_iter()
        .map(|row| {
            Doc::parse(&format!("<table>{}</table>", row.html()))
                .all("td")
                .into_iter()
                .map(|cell| cell.text().collect::<String>().trim().to_string())
                .collect()
        })
        .collect()
}

/// A page's facts (`dl.facts`), each as `term: description`.
fn facts(doc: &Doc) -> Vec<String> {
    let text = |e: &scraper::ElementRef| e.text().collect::<String>().trim().to_string();
    let terms = doc.all("dl.facts dt");
    let values = doc.all("dl.facts dd");
    assert_eq!(terms.len(), values.len());
    terms
        .iter()
        .zip(&values)
        .map(|(t, d)| format!("{}: {}", text(t), text(d)))
        .collect()
}

/// A calendar's events as another program reads them (the ical crate),
/// each as its properties, by UID.
fn events(built: &Built, file: &str) -> BTreeMap<String, Vec<(String, String)>> {
    let text = built.file(file);
    let mut calendars = ical::IcalParser::new(text.as_bytes());
    let calendar = calendars.next().expect("a calendar").expect("valid");
    calendar
        .events
        .into_iter()
        .map(|event| {
            let properties: Vec<(String, String)> = event
                .properties
                .into_iter()
                .map(|p| (p.name, p.value.unwrap_or_default()))
                .collect();
            let uid = properties
                .iter()
                .find(|(name, _)| name == "UID")
                .map(|(_, value)| value.clone())
                .expect("a UID");
            (uid, properties)
        })
        .collect()
}

#[test]
fn a_person_page_shows_who_they_are_their_lines_and_their_pairs() {
    let built = Site::repo().as_of(AS_OF).build();
    let richard = built.doc("people/richard-hale/");
    assert_eq!(richard.text("h1"), "Richard Hale");
    assert!(
        richard
            .text("main")
            .contains("Chief Operating Officer, Executive")
    );
    assert_eq!(
        facts(&richard),
        [
            "Reports to: Amara Osei",
            "Reports: Fiona Gallagher, Kenji Watanabe"
        ]
    );
    assert_eq!(
        richard.attrs("dl.facts a", "href")[0],
        "../../people/amara-osei/"
    );

    assert_eq!(
        rows(&richard, "#person-pairs"),
        [[
            "Maya and Richard",
            "mentee",
            "Maya Okafor",
            "on track",
            "30 Nov 2026"
        ]]
    );
    assert_eq!(
        richard.attrs("#person-pairs a", "href"),
        ["../../pairs/maya-and-richard/", "../../people/maya-okafor/"]
    );
    assert_eq!(richard.attrs(".downloads a", "href"), ["sessions.ics"]);

    // Every person's pairs say what their pair pages say.
    let people = built.doc("people/");
    for href in people.attrs("#people tbody td:first-child a", "href") {
        let url = href.trim_start_matches("../");
        let person = built.doc(url);
        for (row, pair) in rows(&person, "#person-pairs")
            .iter()
            .zip(person.attrs("#person-pairs td:first-child a", "href"))
        {
            let pair_page = built.doc(pair.trim_start_matches("../../"));
            assert_eq!(row[3], pair_page.text(".page-header .status"), "{url}");
        }
    }
    built.assert_internal_links_resolve();
}

#[test]
fn the_people_directory_links_people_and_pairs_by_name() {
    let built = Site::repo().as_of(AS_OF).build();
    let people = built.doc("people/");
    let names = people.attrs("#people tbody td:first-child a", "href");
    assert_eq!(names.len(), people.count("#people tbody tr"));
    assert!(names.contains(&"../people/richard-hale/".to_string()));
    let table = people.text("#people");
    assert!(table.contains("Maya and Richard"), "{table}");
    // Pairs are named, not shown by their ids.
    assert!(!table.contains("maya-and-richard"), "{table}");
    // A person in a confidential pair: it goes by its people's names.
    assert!(table.contains("Elif Yılmaz and Tomasz Nowak"), "{table}");
}

#[test]
fn a_persons_calendar_holds_their_pairs_events_as_the_pairs_calendars_do() {
    let built = Site::repo().as_of(AS_OF).build();
    // Tomasz Nowak is the mentee of a confidential pair and owns a step.
    let tomasz = built.doc("people/tomasz-nowak/");
    let pairs = tomasz.attrs("#person-pairs td:first-child a", "href");
    assert!(!pairs.is_empty());
    let mut expected = BTreeMap::new();
    for pair in &pairs {
        let file = format!("{}sessions.ics", pair.trim_start_matches("../../"));
        expected.extend(events(&built, &file));
    }
    let own = events(&built, "people/tomasz-nowak/sessions.ics");
    assert!(own.len() >= 7, "{} events", own.len());
    assert_eq!(own, expected);
    assert!(
        built
            .file("people/tomasz-nowak/sessions.ics")
            .contains("X-WR-CALNAME:Mentoring: Tomasz Nowak")
    );
}

#[test]
fn a_confidential_pair_shows_on_its_peoples_pages_as_on_its_own_page_only() {
    let site = Site::from_fixture("valid").as_of("2026-04-01");
    // The confidential pair's own file: a title that names the topic, a
    // description and a body, each marked.
    site.write(
        "content/pairs/ari-and-tomas.md",
        "---\nkind: pair\nid: ari-and-tomas\ntitle: Ari and Tomás on FixtureConfidentialTitle\n\
         description: FixtureConfidentialDescription\n---\nFixtureConfidentialBody\n",
    );
    let built = site.build();
    for file in [
        "people/analyst/index.html",
        "people/analyst/sessions.ics",
        "people/cto/index.html",
        "people/cto/sessions.ics",
    ] {
        let text = built.file(file);
        assert!(!text.contains("FixtureConfidential"), "{file}: {text}");
    }
    let ari = built.doc("people/analyst/");
    assert_eq!(
        rows(&ari, "#person-pairs"),
        [[
            "Ari Analyst and Tomas Tech",
            "mentor",
            "Tomas Tech",
            "at risk",
            "due by 18 Mar 2026"
        ]]
    );
    // Its sessions are in the calendar as in the pair's own, without notes.
    let calendar = events(&built, "people/analyst/sessions.ics");
    assert_eq!(calendar, events(&built, "pairs/ari-and-tomas/sessions.ics"));
    assert_eq!(calendar.len(), 1);

    // A public title is the pair's name on its people's pages too.
    site.edit("content/cohort.md", |text| {
        text.replace(
            "confidential: true",
            "confidential: true\n    public_title: Pair two",
        )
    });
    let built = site.build();
    assert_eq!(
        rows(&built.doc("people/cto/"), "#person-pairs")[0][0],
        "Pair two"
    );
}

#[test]
fn emails_are_shown_only_when_the_playbook_says_so() {
    let site = Site::from_fixture("valid").as_of("2026-04-01");
    let built = site.build();
    assert!(built.files_containing("ari@example.org").is_empty());
    assert_eq!(built.doc("people/analyst/").count("a[href^='mailto:']"), 0);

    site.edit("playbook.yaml", |text| {
        format!("{text}\npeople:\n  show_emails: true\n")
    });
    let built = site.build();
    let ari = built.doc("people/analyst/");
    assert_eq!(
        ari.attrs("a[href^='mailto:']", "href"),
        ["mailto:ari@example.org"]
    );
    assert_eq!(
        facts(&ari),
        ["Reports to: Farah Finance", "Email: ari@example.org"]
    );
}

/// A draft roster declaring two people and proposing them as a pair.
const DRAFT_ROSTER: &str = "---\ntitle: Autumn (draft)\nkind: roster\ndraft: true\n\
    start: 2026-09-01\npeople:\n  - {id: zoe, name: Zoe Zanzibar, team: Sales}\n  \
    - {id: yan, name: Yan Yellow, team: Ops, reports_to: ceo}\npairs:\n  \
    - {id: zoe-and-yan, mentor: zoe, mentee: yan}\n---\n";

#[test]
fn a_person_only_a_draft_declares_gets_a_page_only_with_drafts() {
    let site = Site::from_fixture("valid").as_of("2026-04-01");
    site.write("content/autumn.md", DRAFT_ROSTER);
    let built = site.build();
    assert!(!built.path("people/zoe").exists());
    assert!(!built.path("people/yan").exists());
    // Nor is Yan among the chief executive's reports.
    assert!(!built.page("people/ceo/").contains("Yan Yellow"));
    assert!(built.files_containing("Zanzibar").is_empty());

    let built = site.arg("--drafts").build();
    let zoe = built.doc("people/zoe/");
    assert!(zoe.text(".draft-notice").starts_with("Draft."));
    assert_eq!(
        rows(&zoe, "#person-pairs"),
        [[
            "Zoe Zanzibar and Yan Yellow (draft)",
            "mentor",
            "Yan Yellow",
            "not started",
            "due by 1 Sep 2026"
        ]]
    );
    // A proposal has its own calendar only, as in every export.
    assert!(!built.path("people/zoe/sessions.ics").exists());
    assert!(built.page("people/ceo/").contains("Yan Yellow"));
}

#[test]
fn a_page_at_a_persons_address_is_a_duplicate_url() {
    let site = Site::from_fixture("valid");
    site.write(
        "content/people/dev.md",
        "---\ntitle: Dana's notes\n---\nHi.\n",
    );
    let check = site.check();
    assert_eq!(check.status().code(), Some(1));
    let out = check.stdout();
    assert!(
        out.contains("content/people/dev.md:1:1")
            && out.contains("the page of person `dev` (data/people.yaml:15) would both be written to `people/dev/`"),
        "{out}"
    );
}

#[test]
fn a_step_owner_who_is_a_person_links_to_their_page() {
    let built = Site::from_fixture("valid").as_of("2026-04-01").build();
    let step = built.doc("guide/01-define-goals/");
    assert!(
        step.attrs("a", "href")
            .contains(&"../../people/ceo/".to_string()),
        "{}",
        step.text("main")
    );
    assert!(built.doc("people/ceo/").text("h1") == "Clara Chief");
}

#[test]
fn content_may_link_to_a_persons_page_and_calendar_but_not_to_nobodys() {
    let site = Site::from_fixture("valid").as_of("2026-04-01");
    site.write(
        "content/welcome.md",
        "---\ntitle: Welcome\n---\n[Clara](../people/ceo/), [Ari's sessions](../people/analyst/sessions.ics), \
         [Ari's pairs](../people/analyst/#pairs).\n",
    );
    let check = site.check();
    assert!(check.status().success(), "{}", check.stdout());
    // Clara is in no pair: she has a page but no calendar.
    site.write(
        "content/welcome.md",
        "---\ntitle: Welcome\n---\n[Clara's sessions](../people/ceo/sessions.ics), [Zed](../people/zed/).\n",
    );
    let check = site.check();
    assert_eq!(check.status().code(), Some(1));
    assert_eq!(
        check.stdout().matches("error[broken-link]").count(),
        2,
        "{}",
        check.stdout()
    );
}

#[test]
fn the_sitemap_and_the_search_index_hold_published_people_only() {
    let site = Site::from_fixture("valid").as_of("2026-04-01");
    site.write("content/autumn.md", DRAFT_ROSTER);
    // Even a --drafts preview lists only what a published build has.
    let built = site
        .arg("--drafts")
        .arg("--base-url")
        .arg("https://intranet.example/mentoring")
        .build();
    let sitemap = built.file("sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://intranet.example/mentoring/people/analyst/</loc>"),
        "{sitemap}"
    );
    assert!(!sitemap.contains("people/zoe/"), "{sitemap}");
    assert!(built.path("people/zoe/index.html").is_file());

    // Search finds a person by name, without --drafts none of a draft's.
    let built = Site::from_fixture("valid").as_of("2026-04-01").build();
    let rows: String = built
        .files()
        .into_iter()
        .filter(|f| f.starts_with("search/p/"))
        .map(|f| built.file(&f))
        .collect();
    assert!(rows.contains("people/analyst/"), "{rows}");
    assert!(!rows.contains("ari@example.org"));
}

#[test]
fn the_directory_files_everyone_under_one_initial_and_old_entry_links_reach_their_page() {
    let site = Site::from_repo().as_of(AS_OF);
    site.write(
        "content/about/who.md",
        "---\ntitle: Who\n---\nAsk [Richard](../../people/#person-richard-hale) or [Maya](/people/#person-maya-okafor).\n",
    );
    let built = site.build();
    // A link to a person's old entry on the one-page directory goes to
    // their own page, which the directory split by initial keeps.
    let who = built.doc("about/who/");
    assert_eq!(
        who.attrs(".content a", "href"),
        ["../../people/richard-hale/", "../../people/maya-okafor/"]
    );
    // Each initial's page lists its people; together, everyone once.
    let people = built.doc("people/");
    let everyone = people.attrs("#people tbody td:first-child a", "href");
    let mut filed = Vec::new();
    for href in people.attrs(".initials a", "href") {
        let initial = built.doc(href.trim_start_matches("../"));
        let letter = initial.text("h1");
        for person in initial.attrs("#people tbody td:first-child a", "href") {
            let name = built.doc(person.trim_start_matches("../")).text("h1");
            assert!(letter.ends_with(&name[..1]), "{name} under {letter}");
            filed.push(person.trim_start_matches("../").to_string());
        }
    }
    let mut everyone: Vec<String> = everyone
        .iter()
        .map(|h| h.trim_start_matches("../").to_string())
        .collect();
    everyone.sort();
    filed.sort();
    assert_eq!(filed, everyone);
    assert_eq!(people.text("nav p"), format!("{} people", everyone.len()));
    built.assert_internal_links_resolve();
}
