//! What drafts and confidential pairs publish: nothing of a `draft: true`
//! page without `--drafts` (its people and pairs included), a proposal
//! never in the program's figures, and a confidential pair's own title
//! nowhere unless the coordinator sets a `public_title`.

use crate::support::{Built, Doc, Site, repo};

const AS_OF: &str = "2026-11-24";
const SPRING_DRAFT: &str = "content/cohorts/2027-spring-draft.md";

/// What a roster file proposes, read from its text: its pairs' ids and
/// the names of the people it declares.
struct Proposal {
    pair_ids: Vec<String>,
    names: Vec<String>,
}

impl Proposal {
    fn read(text: &str) -> Proposal {
        let mut pair_ids = Vec::new();
        let mut names = Vec::new();
        let mut in_pairs = false;
        let unquote = |value: &str| value.trim().trim_matches('"').to_string();
        for line in text.lines() {
            if line == "pairs:" {
                in_pairs = true;
            } else if line == "people:" {
                in_pairs = false;
            } else if let Some(id) = line.strip_prefix("  - id: ").filter(|_| in_pairs) {
                pair_ids.push(unquote(id));
            } else if let Some(name) = line.strip_prefix("    name: ").filter(|_| !in_pairs) {
                names.push(unquote(name));
            }
        }
        assert!(!pair_ids.is_empty() && !names.is_empty(), "{text}");
        Proposal { pair_ids, names }
    }

    /// Everything of the proposal that `built` holds, as `what -> files`.
    fn leaks(&self, built: &Built) -> Vec<String> {
        self.pair_ids
            .iter()
            .chain(&self.names)
            .filter_map(|needle| {
                let files = built.files_containing(needle);
                (!files.is_empty()).then(|| format!("{needle} -> {files:?}"))
            })
            .collect()
    }
}

/// The home page's "Pairs" figure.
fn home_pairs(built: &Built) -> String {
    let home = built.doc("");
    let figure = home
        .all(".figures .figure")
        .into_iter()
        .find(|f| f.text().collect::<String>().trim().starts_with("Pairs"))
        .map(|f| f.html())
        .expect("a Pairs figure on the home page");
    Doc::parse(&figure).text(".figure-value")
}

/// The pair pages a table of pairs links, by address.
/// The dashboard shows the pilot alone: its pairs needing attention (on
/// the dashboard and every attention page) are pilot pairs, and its
/// cohort table has the pilot's row only, linking the pilot's page.
fn assert_dashboard_is_the_pilots(built: &crate::support::Built, pilot: &[String]) {
    let dashboard = built.doc("progress/");
    let attention = linked_pairs(&built.doc("progress/attention/"));
    assert!(!attention.is_empty());
    for pair in linked_pairs(&dashboard).iter().chain(&attention) {
        let pair = pair.trim_start_matches("../");
        assert!(pilot.iter().any(|p| p == pair), "{pair} is no pilot pair");
    }
    assert_eq!(
        dashboard.attrs("#cohort-comparison + .table-wrap tbody tr a", "href"),
        ["../cohorts/2026-pilot/"]
    );
}

fn linked_pairs(doc: &Doc) -> Vec<String> {
    let mut hrefs: Vec<String> = doc
        .attrs("#pairs tbody tr a", "href")
        .into_iter()
        .map(|h| h.trim_start_matches("../").to_string())
        .collect();
    hrefs.sort();
    hrefs
}

#[test]
fn the_default_playbook_publishes_nothing_of_its_spring_draft() {
    let draft = std::fs::read_to_string(repo().join(SPRING_DRAFT)).expect("the draft");
    let proposal = Proposal::read(&draft);
    let built = Site::repo().as_of(AS_OF).build();

    let leaks = proposal.leaks(&built);
    assert!(leaks.is_empty(), "the draft leaked: {leaks:#?}");
    assert!(!built.path("cohorts/2027-spring-draft/index.html").exists());

    // The figures and the dashboard are the pilot's, pair for pair.
    let pilot = linked_pairs(&built.doc("cohorts/2026-pilot/"));
    assert_eq!(pilot.len(), 13, "{pilot:?}");
    assert_eq!(home_pairs(&built), pilot.len().to_string());
    assert_dashboard_is_the_pilots(&built, &pilot);
    let people = built.doc("people/").text("#people");
    for name in &proposal.names {
        assert!(!people.contains(name.as_str()), "{name} on the people page");
    }
}

#[test]
fn with_drafts_a_proposal_is_shown_marked_and_counted_nowhere() {
    let draft = std::fs::read_to_string(repo().join(SPRING_DRAFT)).expect("the draft");
    let proposal = Proposal::read(&draft);
    let built = Site::repo().as_of(AS_OF).arg("--drafts").build();

    let roster = built.doc("cohorts/2027-spring-draft/");
    assert!(
        roster.text(".draft-notice").starts_with("Draft."),
        "{}",
        roster.text("main")
    );
    assert_eq!(linked_pairs(&roster).len(), proposal.pair_ids.len());
    let pair = built.doc(&format!("pairs/{}/", proposal.pair_ids[0]));
    assert!(
        pair.text(".draft-notice")
            .contains("this pair is a proposal")
    );
    // A page that is no draft says nothing of the kind.
    assert_eq!(built.doc("cohorts/2026-pilot/").count(".draft-notice"), 0);

    // Home figures, dashboard and program-wide exports: the pilot alone.
    let pilot = linked_pairs(&built.doc("cohorts/2026-pilot/"));
    assert_eq!(home_pairs(&built), pilot.len().to_string());
    assert_dashboard_is_the_pilots(&built, &pilot);
    for file in [
        "progress.csv",
        "progress.json",
        "cohorts/2026-pilot/sessions.ics",
    ] {
        let text = built.file(file);
        for id in &proposal.pair_ids {
            assert!(!text.contains(id.as_str()), "{id} in {file}");
        }
    }
    assert_eq!(
        built.file("progress.csv").lines().count(),
        pilot.len() + 1,
        "a header and the pilot's rows"
    );
}

#[test]
fn match_writes_a_draft_that_only_drafts_builds_show() {
    let site = Site::from_repo().as_of(AS_OF);
    std::fs::remove_file(site.path(SPRING_DRAFT)).expect("remove the shipped draft");
    let ran = site.run(
        "match",
        ["--cohort", "2027 spring", "--start", "2027-03-01"],
    );
    assert!(ran.status().success(), "{}", ran.stderr());
    assert!(ran.stdout().contains("`draft: true`"), "{}", ran.stdout());

    let draft = site.read(SPRING_DRAFT);
    let front_matter = draft.split("\n---\n").next().expect("front matter");
    assert!(
        front_matter.lines().any(|l| l == "draft: true"),
        "{front_matter}"
    );
    let proposal = Proposal::read(&draft);
    let check = site.check();
    assert!(check.status().success(), "{}", check.stderr());
    let leaks = proposal.leaks(&site.build());
    assert!(leaks.is_empty(), "the draft leaked: {leaks:#?}");
}

/// A draft roster proposing a pair of two people it declares itself.
const DRAFT_ROSTER: &str = "---\ntitle: Autumn (draft)\nkind: roster\ndraft: true\n\
    start: 2026-09-01\npeople:\n  - {id: zoe, name: Zoe Zanzibarproposed, team: Sales}\n  \
    - {id: yan, name: Yan Yellowproposed, team: Ops}\npairs:\n  \
    - {id: zoe-and-yan, mentor: zoe, mentee: yan}\n---\n";

#[test]
fn a_draft_rosters_people_are_not_on_the_people_page() {
    let site = Site::from_fixture("valid").as_of("2026-04-01");
    site.write("content/autumn.md", DRAFT_ROSTER);
    let built = site.build();
    for word in ["Zanzibarproposed", "Yellowproposed", "zoe-and-yan"] {
        let leaks = built.files_containing(word);
        assert!(leaks.is_empty(), "{word} leaked into {leaks:?}");
    }
    // The people page is there, with the people of data/.
    assert_eq!(built.doc("people/").count("#people tbody tr"), 5);

    // Built with `--drafts`, the draft's people are previewed too.
    let built = site.arg("--drafts").build();
    let people = built.doc("people/");
    assert_eq!(people.count("#people tbody tr"), 7);
    assert!(people.text("#people").contains("Zoe Zanzibarproposed"));
}

#[test]
fn a_published_pair_cannot_name_a_person_only_a_draft_declares() {
    let site = Site::from_fixture("valid");
    site.write("content/autumn.md", DRAFT_ROSTER);
    site.write(
        "content/live.md",
        "---\ntitle: Live\nkind: roster\nstart: 2026-09-01\npairs:\n  \
         - {id: zoe-and-dana, mentor: zoe, mentee: dev}\n---\n",
    );
    let check = site.check();
    assert_eq!(check.status().code(), Some(1), "{}", check.stdout());
    let out = check.stdout() + &check.stderr();
    assert!(out.contains("content/live.md:6:"), "{out}");
    assert!(
        out.contains("`zoe` is declared only in content/autumn.md, a draft"),
        "{out}"
    );
}

/// A published pair's sessions show their template's title on its page and
/// in its calendars: a draft template used to be published through them.
#[test]
fn a_published_pair_cannot_use_a_draft_session_template() {
    let site = Site::from_fixture("valid").as_of("2026-04-01");
    site.edit("content/sessions/02-tools.md", |text| {
        text.replace(
            "title: Digital tools",
            "title: Quetzaldraft tools\ndraft: true",
        )
    });
    let check = site.check();
    assert_eq!(check.status().code(), Some(1), "{}", check.stdout());
    let out = check.stdout() + &check.stderr();
    assert!(out.contains("unknown-template"), "{out}");
    assert!(out.contains("content/cohort.md:17:"), "{out}");
    assert!(
        out.contains("`tools` is the session template of content/sessions/02-tools.md, a draft"),
        "{out}"
    );
    let built = site.try_build();
    assert!(!built.status().success());
}

#[test]
fn a_published_roster_named_like_a_proposal_is_warned_about() {
    let site = Site::from_fixture("valid");
    site.write(
        "content/autumn-draft.md",
        DRAFT_ROSTER.replace("draft: true\n", ""),
    );
    let check = site.check();
    assert!(check.status().success(), "{}", check.stderr());
    let out = check.stdout() + &check.stderr();
    assert!(out.contains("unmarked-draft"), "{out}");
    assert!(out.contains("content/autumn-draft.md:1:1"), "{out}");
    assert!(out.contains("add `draft: true`"), "{out}");
}

/// The confidential pair of the fixture, with a pair file whose title
/// names what they work on.
fn confidential_pair_titled(extra: &str) -> Site {
    let site = Site::from_fixture("valid").as_of("2026-04-01");
    site.write(
        "content/pairs/ari-and-tomas.md",
        format!(
            "---\nkind: pair\nid: ari-and-tomas\n\
             title: Ari learns Quetzalsecret for the layoff comms\n{extra}---\nNotes.\n"
        ),
    );
    site
}

#[test]
fn a_confidential_pairs_own_title_is_in_no_output_file() {
    let built = confidential_pair_titled("").build();
    let leaks = built.files_containing("Quetzalsecret");
    assert!(leaks.is_empty(), "the title leaked into {leaks:?}");
    // It goes by its people's names: on its page and its neighbours'.
    let page = built.doc("pairs/ari-and-tomas/");
    assert_eq!(page.text("h1"), "Ari Analyst and Tomas Tech");
    let before = built.doc("pairs/dana-and-farah/");
    assert_eq!(
        before.text(".pager-next"),
        "Next Ari Analyst and Tomas Tech"
    );
    let after = built.doc("pairs/newcomers/");
    assert_eq!(
        after.text(".pager-prev"),
        "Previous Ari Analyst and Tomas Tech"
    );
}

#[test]
fn a_public_title_is_shown_where_the_title_would_be() {
    let built = confidential_pair_titled("public_title: Pair 2 of the Nightjarpilot\n").build();
    let leaks = built.files_containing("Quetzalsecret");
    assert!(leaks.is_empty(), "the title leaked into {leaks:?}");
    let page = built.doc("pairs/ari-and-tomas/");
    assert_eq!(page.text("h1"), "Pair 2 of the Nightjarpilot");
    assert_eq!(
        built.doc("pairs/dana-and-farah/").text(".pager-next"),
        "Next Pair 2 of the Nightjarpilot"
    );
    let shown = built.files_containing("Nightjarpilot");
    for file in [
        "pairs/ari-and-tomas/index.html",
        "pairs/dana-and-farah/index.html",
        "pairs/newcomers/index.html",
    ] {
        assert!(shown.iter().any(|f| f == file), "{file} not in {shown:?}");
    }
    assert!(
        shown.iter().any(|f| f.starts_with("search/")),
        "not in the search index: {shown:?}"
    );
}
