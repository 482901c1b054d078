//! Edits whose effect reaches past the pairs they touch (people declared
//! in a roster, a cohort's name, a roster's order, a plain page retitled
//! in the same save): after each, `serve` serves what a full build makes.

use crate::serve_incremental::{full_build, generated, missed_to_held, options, rosters, served};
use crate::support::Site;
use mentorbook::commands::serve::LiveSite;
use std::path::Path;

fn differences(site: &LiveSite, root: &Path) -> Vec<String> {
    let served = served(site);
    let built = full_build(root);
    let mut out: Vec<String> = served
        .keys()
        .filter(|k| !built.contains_key(*k))
        .map(|k| format!("only served: {k}"))
        .collect();
    out.extend(
        built
            .keys()
            .filter(|k| !served.contains_key(*k))
            .map(|k| format!("only built: {k}")),
    );
    out.extend(
        built
            .keys()
            .filter(|k| served.get(*k).is_some_and(|s| s != &built[*k]))
            .map(|k| format!("differs: {k}")),
    );
    out
}

fn init_site() -> Site {
    let sources = Site::empty();
    let ok = std::process::Command::new(env!("CARGO_BIN_EXE_mentorbook"))
        .arg("init")
        .arg(sources.root())
        .output()
        .expect("init runs");
    assert!(ok.status.success());
    sources
}

/// A file and the edit made to it.
type Edit<'a> = (&'a str, &'a dyn Fn(&str) -> String);

fn probe(sources: &Site, edits: &[Edit], what: &str) {
    let site = LiveSite::new(sources.root(), options());
    let first = site.rebuild();
    assert!(first.error.is_none(), "{:?}", first.error);
    let mut paths = Vec::new();
    for (file, f) in edits {
        let before = crate::support::read(&sources.path(file));
        sources.edit(file, |t| f(t));
        assert_ne!(
            before,
            crate::support::read(&sources.path(file)),
            "{what}: no change"
        );
        paths.push(sources.path(file));
    }
    let outcome = site.rebuild_edited(&paths);
    assert!(outcome.error.is_none(), "{what}: {:?}", outcome.error);
    let diff = differences(&site, sources.root());
    assert!(
        diff.is_empty(),
        "after {what} (partial: {}, {} pages): {diff:#?}",
        outcome.partial,
        outcome.pages
    );
}

const FIRST: &str = "content/cohorts/first-cohort.md";

#[test]
fn after_roster_declared_person_renamed() {
    probe(
        &init_site(),
        &[(FIRST, &|t: &str| t.replace("Ria Santos", "Zoe Santos"))],
        "a roster-declared person's name changed",
    );
}

#[test]
fn after_roster_declared_person_role() {
    probe(
        &init_site(),
        &[(FIRST, &|t: &str| t.replace("Graduate Analyst", "Analyst"))],
        "a roster-declared person's role changed",
    );
}

#[test]
fn after_roster_declared_reports_to() {
    probe(
        &init_site(),
        &[(FIRST, &|t: &str| {
            t.replace(
                "team: Operations, reports_to: jo}",
                "team: Operations, reports_to: alex}",
            )
        })],
        "a roster-declared person's manager changed",
    );
}

const PILOT: &str = "content/cohorts/2026-pilot.md";

#[test]
fn after_cohort_renamed() {
    probe(
        &Site::from_repo(),
        &[(PILOT, &|t: &str| {
            t.replacen("cohort: 2026 pilot", "cohort: 2026 trial", 1)
        })],
        "a roster's cohort name changed",
    );
}

/// A plain page's title (`file`: `old` to `new`) and the pilot's roster
/// edited in one save: the title re-renders what shows it, the roster edit
/// its pages.
fn retitled_with_a_roster_edit(sources: &Site, file: &str, old: &str, new: &str, what: &str) {
    let retitle = |t: &str| t.replacen(&format!("title: {old}"), &format!("title: {new}"), 1);
    probe(sources, &[(file, &retitle), (PILOT, &missed_to_held)], what);
}

#[test]
fn after_plain_title_and_roster_at_once() {
    retitled_with_a_roster_edit(
        &Site::from_repo(),
        "content/about/faq.md",
        "Frequently asked questions",
        "Questions people ask",
        "a plain page's title and a roster edited together",
    );
}

#[test]
fn after_top_level_plain_title_and_roster_at_once() {
    let sources = Site::from_repo();
    sources.write(
        "content/contact.md",
        "---\ntitle: Contact us\n---\nWrite to HR.\n",
    );
    retitled_with_a_roster_edit(
        &sources,
        "content/contact.md",
        "Contact us",
        "Reach us",
        "a top-level plain page's title and a roster edited together",
    );
}

#[test]
fn after_plain_page_title_in_cohorts_and_roster_at_once() {
    let sources = Site::from_repo();
    sources.write(
        "content/cohorts/how-to.md",
        "---\ntitle: How cohorts work\n---\nText.\n",
    );
    retitled_with_a_roster_edit(
        &sources,
        "content/cohorts/how-to.md",
        "How cohorts work",
        "Cohorts explained",
        "a cohorts-section plain page's title and a roster edited together",
    );
}

#[test]
fn after_pair_made_confidential() {
    probe(
        &Site::from_repo(),
        &[(PILOT, &|t: &str| {
            t.replacen(
                "    mentee: kenji-watanabe\n",
                "    mentee: kenji-watanabe\n    confidential: true\n",
                1,
            )
        })],
        "a pair made confidential",
    );
}

#[test]
fn after_pair_id_renamed() {
    probe(
        &Site::from_repo(),
        &[(PILOT, &|t: &str| {
            t.replacen("  - id: ruby-and-kenji\n", "  - id: ruby-and-kenji-2\n", 1)
        })],
        "a pair's id changed",
    );
}

#[test]
fn after_roster_cadence_and_end() {
    probe(
        &Site::from_repo(),
        &[(PILOT, &|t: &str| {
            let at = t.find("\ncadence:").expect("cadence");
            let end = at + 1 + t[at + 1..].find('\n').expect("eol");
            format!("{}\ncadence: weekly{}", &t[..at], &t[end..])
        })],
        "a roster's cadence and end changed",
    );
}

/// The first pair entry of a roster's text: from its `  - id:` line to the next.
fn first_pair(t: &str) -> (usize, usize) {
    let start = t.find("\n  - id: ").expect("a pair") + 1;
    let end = start + 1 + t[start + 1..].find("\n  - id: ").expect("a second pair") + 1;
    (start, end)
}

#[test]
fn after_pair_moved_between_rosters() {
    let sources = generated(&["--pairs", "200", "--cohorts", "2"]);
    let names = rosters(&sources);
    let a = crate::support::read(&sources.path(&names[0]));
    let (s, e) = first_pair(&a);
    let entry = a[s..e].to_string();
    let site = LiveSite::new(sources.root(), options());
    assert!(site.rebuild().error.is_none());
    let _ = entry;
    let b = crate::support::read(&sources.path(&names[1]));
    let (s, e) = first_pair(&b);
    let entry = b[s..e].to_string();
    sources.edit(&names[1], |t| t.replacen(&entry, "", 1));
    sources.edit(&names[0], |t| {
        let (s, _) = first_pair(t);
        format!("{}{}{}", &t[..s], entry, &t[s..])
    });
    let outcome = site.rebuild_edited(&[sources.path(&names[0]), sources.path(&names[1])]);
    assert!(outcome.error.is_none(), "{:?}", outcome.error);
    let diff = differences(&site, sources.root());
    assert!(
        diff.is_empty(),
        "partial {} {}: {diff:#?}",
        outcome.partial,
        outcome.pages
    );
}

#[test]
fn after_attention_and_roster_pages_appear_and_go() {
    let sources = generated(&["--pairs", "620", "--cohorts", "1"]);
    let names = rosters(&sources);
    let site = LiveSite::new(sources.root(), options());
    assert!(site.rebuild().error.is_none());
    // Every open pair past its end: more than 500 need attention.
    sources.edit(&names[0], |t| {
        let at = t.find("\nend:").expect("end");
        let end = at + 1 + t[at + 1..].find('\n').expect("eol");
        let t = format!("{}\nend: 2026-11-01{}", &t[..at], &t[end..]);
        t.lines()
            .filter(|l| {
                !(l.starts_with("    start: 2026-11")
                    || l.starts_with("    start: 2026-12")
                    || l.starts_with("    start: 2026-10"))
            })
            .map(|l| format!("{l}\n"))
            .collect::<String>()
    });
    let outcome = site.rebuild_edited(&[sources.path(&names[0])]);
    assert!(outcome.error.is_none(), "{:?}", outcome.error);
    assert!(
        served(&site).contains_key("progress/attention/2/index.html"),
        "no attention page 2"
    );
    let diff = differences(&site, sources.root());
    assert!(
        diff.is_empty(),
        "ended: partial {} {}: {diff:#?}",
        outcome.partial,
        outcome.pages
    );
    // 130 pairs removed: the roster's page 2 goes.
    let pair_files: Vec<String> = std::fs::read_dir(sources.path("content/pairs"))
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| {
                    e.file_name()
                        .to_string_lossy()
                        .trim_end_matches(".md")
                        .to_string()
                })
                .collect()
        })
        .unwrap_or_default();
    let sources_has_file = |id: &str| pair_files.iter().any(|f| f == id);
    sources.edit(&names[0], |t| {
        let mut t = t.to_string();
        let mut removed = 0;
        let mut from = 0;
        while removed < 130 {
            let s = from + t[from..].find("\n  - id: ").expect("a pair") + 1;
            let e = s + 1 + t[s + 1..].find("\n  - id: ").expect("next") + 1;
            let id = t[s + 8..].lines().next().unwrap().trim().to_string();
            if sources_has_file(&id) {
                from = e - 1;
                continue;
            }
            t.replace_range(s..e, "");
            removed += 1;
        }
        t
    });
    let outcome = site.rebuild_edited(&[sources.path(&names[0])]);
    assert!(outcome.error.is_none(), "{:?}", outcome.error);
    let diff = differences(&site, sources.root());
    assert!(
        diff.is_empty(),
        "removed: partial {} {}: {diff:#?}",
        outcome.partial,
        outcome.pages
    );
}

#[test]
fn after_roster_start_and_end() {
    probe(
        &Site::from_repo(),
        &[(PILOT, &|t: &str| {
            t.replacen(
                "start: 2026-03-02\nend: 2027-02-26",
                "start: 2026-02-23\nend: 2026-12-31",
                1,
            )
        })],
        "a roster's start and end changed",
    );
}

#[test]
fn after_pair_file_made_confidential() {
    probe(
        &Site::from_repo(),
        &[("content/pairs/maya-and-richard.md", &|t: &str| {
            t.replacen("kind: pair\n", "kind: pair\nconfidential: true\n", 1)
        })],
        "a pair file made confidential",
    );
}

#[test]
fn after_roster_declared_person_added() {
    probe(
        &init_site(),
        &[(FIRST, &|t: &str| {
            t.replace(
                "  - {id: lee, name: Lee Chen, role: Junior Designer, team: Marketing}\n",
                "  - {id: lee, name: Lee Chen, role: Junior Designer, team: Marketing}\n  - {id: ana, name: Ana Lopez, role: Analyst, team: Finance, reports_to: sam}\n",
            )
        })],
        "a person added to a roster's people",
    );
}

#[test]
fn after_pairs_reordered_for_a_person_in_two() {
    let sources = init_site();
    sources.edit(FIRST, |t| {
        t.replace(
            "  - id: lee-and-alex\n",
            "  - id: ria-and-tom\n    mentor: ria\n    mentee: tom\n  - id: lee-and-alex\n",
        )
    });
    probe(
        &sources,
        &[(FIRST, &|t: &str| {
            let t = t.replace(
                "  - id: ria-and-tom\n    mentor: ria\n    mentee: tom\n",
                "",
            );
            t.replace(
                "  - id: ria-and-jo\n",
                "  - id: ria-and-tom\n    mentor: ria\n    mentee: tom\n  - id: ria-and-jo\n",
            )
        })],
        "a person's two pairs swapped in their roster",
    );
}
