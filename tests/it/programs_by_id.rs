//! Ids are unique within a program only: a roster or pair named by id
//! is looked up in its program, and a bare id two programs share is
//! never taken for one of them silently.

use crate::programs::{AS_OF, two_programs};
use crate::support::{Doc, Ran, command};

const PAIRS_HEADER: &str = "roster,id,mentor,mentee\n";

#[test]
fn a_pairs_csv_row_naming_a_roster_id_two_programs_share_is_an_error_at_its_cell() {
    let site = two_programs();
    site.write(
        "data/pairs.csv",
        format!("{PAIRS_HEADER}cohort,pair-two,bo,ana\n"),
    );
    let ran = site.run("check", ["--format", "json", "--as-of", AS_OF]);
    assert_eq!(ran.located(), ["data/pairs.csv:2:1 unknown-roster"]);
    let out = ran.stdout();
    assert!(out.contains("the roster id `cohort` is ambiguous"), "{out}");
    assert!(out.contains("`a/cohort` or `b/cohort`"), "{out}");
}

#[test]
fn a_pairs_csv_row_names_a_programs_roster_as_program_slash_id() {
    let site = two_programs();
    site.write(
        "data/pairs.csv",
        format!("{PAIRS_HEADER}b/cohort,pair-two,bo,ana\n"),
    );
    assert_eq!(site.check().stdout(), "0 errors, 0 warnings\n");
    let built = site.build();
    assert!(built.page("b/pairs/pair-two/").contains("Bo Birch"));
    assert!(!built.path("a/pairs/pair-two/index.html").exists());
}

fn diff(base: &crate::support::Site, head: &crate::support::Site) -> String {
    let mut diff = command(["diff"]);
    diff.arg(base.root())
        .arg(head.root())
        .args(["--as-of", AS_OF]);
    Ran::of(diff).expect_success().stdout()
}

fn pair_file(id: &str, title: &str) -> String {
    format!("---\nkind: pair\nid: {id}\ntitle: {title}\n---\n{title} body.\n")
}

#[test]
fn diff_does_not_take_one_programs_pair_file_for_anothers_of_the_same_id() {
    let base = two_programs();
    base.write(
        "content/a/pairs/one.md",
        pair_file("pair-one", "Ana's notes"),
    );
    let head = two_programs();
    head.write(
        "content/b/pairs/two.md",
        pair_file("pair-one", "Cy's notes"),
    );
    let out = diff(&base, &head);
    assert!(!out.contains("Pages renamed"), "{out}");
    // Within one program the same move is a rename.
    let head = two_programs();
    head.write(
        "content/a/pairs/two.md",
        pair_file("pair-one", "Other notes"),
    );
    let out = diff(&base, &head);
    assert!(out.contains("Pages renamed"), "{out}");
}

#[test]
fn a_programs_page_links_its_dashboard_as_its_own_pairs_progress() {
    let built = two_programs().build();
    let link = |url: &str| {
        let doc = Doc::parse(&built.page(url));
        let texts: Vec<String> = doc
            .all(".home-links a")
            .iter()
            .map(|a| a.text().collect::<String>())
            .collect();
        texts.first().cloned().unwrap_or_default()
    };
    assert_eq!(link("a/"), "See the progress of this program's pairs");
    assert_eq!(link(""), "See every pair's progress");
}

#[test]
fn a_programs_dashboard_says_its_downloads_hold_every_programs_pairs() {
    let built = two_programs().build();
    let label = |url: &str| {
        let doc = Doc::parse(&built.page(url));
        let texts: Vec<String> = (doc.all(".downloads").iter())
            .map(|p| p.text().collect::<String>())
            .collect();
        texts.first().cloned().unwrap_or_default()
    };
    assert!(
        label("a/progress/")
            .starts_with("Download every program's pairs (with a program column): progress.csv"),
        "{}",
        label("a/progress/")
    );
    assert!(label("progress/").starts_with("Download: progress.csv"));
}
