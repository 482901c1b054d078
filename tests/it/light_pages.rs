//! Pages that stay light in a large program (a generated 3,000-pair site, enough to page the pairs needing attention):
//! the dashboard shows at most the most urgent pairs and links the rest,
//! which the attention pages list once each; every pair is on its cohort's
//! page; every person on one initial's page; each cohort's calendar holds
//! its own pairs' sessions; and every link of the site resolves.

use crate::support::{Built, Doc, Site, repo};
use std::collections::{BTreeSet, HashSet};
use std::path::Path;
use std::process::Command;

/// The dashboard's cap (`render::attention::ON_DASHBOARD`).
const ON_DASHBOARD: usize = 50;

fn generate(pairs: &str, out: &Path, more: &[&str]) {
    let status = Command::new("python3")
        .arg(repo().join("examples/synthetic/generate.py"))
        .args(["--pairs", pairs, "--out", out.to_str().expect("utf8")])
        .args(more)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("python3");
    assert!(status.success());
}

/// `href`s (relative to `from`, a page's address) as site addresses.
fn addresses(from: &str, hrefs: Vec<String>) -> Vec<String> {
    hrefs
        .into_iter()
        .map(|href| {
            let mut parts: Vec<&str> = from.split('/').filter(|s| !s.is_empty()).collect();
            for part in href.split('/') {
                match part {
                    ".." => {
                        parts.pop();
                    }
                    "" | "." => {}
                    p => parts.push(p),
                }
            }
            let trailing = if href.ends_with('/') { "/" } else { "" };
            format!("{}{trailing}", parts.join("/"))
        })
        .collect()
}

/// The pages of a paged list from its first page, following "next".
fn pages_from(built: &Built, first: &str) -> Vec<(String, Doc)> {
    let mut pages = Vec::new();
    let mut next = Some(first.to_string());
    while let Some(url) = next.take() {
        let doc = built.doc(&url);
        next = addresses(&url, doc.attrs(".paging a[rel=next]", "href"))
            .into_iter()
            .next();
        assert!(pages.len() < 100, "the pager of {first} does not end");
        pages.push((url, doc));
    }
    pages
}

fn uids(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter_map(|l| l.strip_prefix("UID:"))
        .map(str::to_string)
        .collect()
}

#[test]
fn a_large_program_stays_light_and_every_pair_and_person_is_reachable() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("site");
    generate("3000", &dir, &[]);
    let site = Site::in_place(&dir).as_of("2026-11-24");
    assert_eq!(site.check().stdout(), "0 errors, 0 warnings\n");
    let built = site.build();
    let json: serde_json::Value =
        serde_json::from_str(&built.file("progress.json")).expect("progress.json");
    let pairs = json["pairs"].as_array().expect("pairs");
    assert_eq!(pairs.len(), 3000);
    let needing: BTreeSet<String> = pairs
        .iter()
        .filter(|p| {
            matches!(p["status"].as_str(), Some("stalled" | "at risk" | "ended"))
                || p["sessions_to_update"].as_u64() != Some(0)
        })
        .map(|p| format!("pairs/{}/", p["pair"].as_str().expect("id")))
        .collect();
    assert!(needing.len() > 500, "too few to page: {}", needing.len());

    // The dashboard: the cap, the most urgent first, and a link to all.
    let dashboard = built.doc("progress/");
    let shown = addresses("progress/", dashboard.attrs("#pairs tbody tr a", "href"));
    assert_eq!(shown.len(), ON_DASHBOARD);
    let more = addresses("progress/", dashboard.attrs(".more a", "href"));
    assert_eq!(more, ["progress/attention/"]);
    assert!(
        dashboard
            .text(".more")
            .contains(&format!("of {}", needing.len()))
    );
    // The attention pages: every pair needing attention exactly once, the
    // dashboard's first.
    let mut listed = Vec::new();
    for (url, page) in pages_from(&built, "progress/attention/") {
        listed.extend(addresses(&url, page.attrs("#pairs tbody tr a", "href")));
    }
    assert!(listed.len() > 500, "one page: {}", listed.len());
    assert_eq!(listed[..ON_DASHBOARD], shown[..]);
    let once: BTreeSet<String> = listed.iter().cloned().collect();
    assert_eq!(once.len(), listed.len(), "a pair listed twice");
    assert_eq!(once, needing);

    // Every pair on its cohort's page, linked from the dashboard's row.
    let cohorts = addresses(
        "progress/",
        dashboard.attrs("#cohort-comparison + .table-wrap tbody tr a", "href"),
    );
    assert_eq!(cohorts.len(), 12);
    let mut on_cohorts = Vec::new();
    for cohort in &cohorts {
        let page = built.doc(cohort);
        let members = addresses(cohort, page.attrs("#pairs tbody tr a", "href"));
        // Its calendar: its pairs' sessions, each once, and nothing else.
        let calendar = addresses(cohort, page.attrs(".downloads a", "href"));
        assert_eq!(calendar, [format!("{cohort}sessions.ics")]);
        let mut expected = BTreeSet::new();
        for pair in &members {
            expected.extend(uids(&built.file(&format!("{pair}sessions.ics"))));
        }
        assert!(!expected.is_empty());
        assert_eq!(uids(&built.file(&calendar[0])), expected, "{cohort}");
        on_cohorts.extend(members);
    }
    let all: HashSet<String> = on_cohorts.iter().cloned().collect();
    assert_eq!((on_cohorts.len(), all.len()), (3000, 3000));
    assert!(!built.path("calendar.ics").exists());

    // Every person on exactly one initial's page, under their initial.
    let people = built.doc("people/");
    assert_eq!(people.count("#people tbody tr"), 0, "too many for one page");
    let mut filed = Vec::new();
    let initials = addresses("people/", people.attrs(".initials a", "href"));
    let counts: Vec<usize> = people
        .all(".initials li .muted")
        .iter()
        .map(|e| e.text().collect::<String>().parse().expect("count"))
        .collect();
    let mut paged = false;
    for (first, count) in initials.iter().zip(&counts) {
        let pages = pages_from(&built, first);
        paged |= pages.len() > 1;
        let mut here = 0;
        for (url, page) in pages {
            let letter = page.text(".initials a[aria-current]");
            for name in page.all("#people tbody td:first-child a") {
                let name: String = name.text().collect();
                assert!(name.starts_with(&letter), "{name} under {letter}");
            }
            let persons = addresses(&url, page.attrs("#people tbody td:first-child a", "href"));
            here += persons.len();
            filed.extend(persons);
        }
        assert_eq!(here, *count, "{first}");
    }
    assert!(paged, "no initial has more than one page");
    let once: HashSet<&String> = filed.iter().collect();
    assert_eq!(once.len(), filed.len(), "a person filed twice");
    let person_pages = std::fs::read_dir(built.path("people"))
        .expect("people")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().join("index.html").is_file() && e.file_name() != "initial")
        })
        .count();
    assert_eq!(filed.len(), person_pages);

    // No page over 500 KB, and every link resolves.
    for (url, limit) in [("progress/", 100), ("people/", 20)] {
        let size = built.page(url).len();
        assert!(size < limit * 1024, "{url} is {size} bytes");
    }
    built.assert_internal_links_resolve();
}

#[test]
fn a_cohort_of_over_500_pairs_is_paged_and_each_pair_is_on_one_page() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("site");
    generate("1100", &dir, &["--cohorts", "1"]);
    let site = Site::in_place(&dir).as_of("2026-11-24");
    assert_eq!(site.check().stdout(), "0 errors, 0 warnings\n");
    let built = site.build();
    let dashboard = built.doc("progress/");
    let cohort = addresses(
        "progress/",
        dashboard.attrs("#cohort-comparison + .table-wrap tbody tr a", "href"),
    );
    assert_eq!(cohort.len(), 1);
    let pages = pages_from(&built, &cohort[0]);
    assert_eq!(pages.len(), 3);
    assert_eq!(pages[1].0, format!("{}page/2/", cohort[0]));
    let mut listed = Vec::new();
    for (url, page) in &pages {
        let rows = addresses(url, page.attrs("#pairs tbody tr a", "href"));
        assert!(rows.len() <= 500, "{url}: {}", rows.len());
        listed.extend(rows);
    }
    let once: HashSet<&String> = listed.iter().collect();
    assert_eq!((listed.len(), once.len()), (1100, 1100));
    // Attention first across the pages: the status ranks never go down.
    let ranks: Vec<u32> = pages
        .iter()
        .flat_map(|(_, page)| {
            page.attrs("#pairs tbody tr td[data-value]:nth-child(2)", "data-value")
        })
        .map(|v| v.parse().expect("rank"))
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
    assert_eq!(
        pages[2].1.text("h1"),
        format!("{}, page 3 of 3", pages[0].1.text("h1"))
    );
    built.assert_internal_links_resolve();
}
