//! `mentorbook build` on real sites: the default playbook in content/ and
//! the fixture under tests/fixtures/valid, read back by parsing the HTML.

mod common;
use common::{build_ok, copy_dir, files_under, mentorbook};

use mentorbook::pipeline;
use mentorbook::progress::{self, PairStatus};
use scraper::{Html, Selector};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const AS_OF: &str = "2026-11-24";

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn build(site: &Path, out: &Path, as_of: &str) {
    build_ok(site, out, as_of, &[]);
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn html(path: &Path) -> Html {
    Html::parse_document(&read(path))
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).expect("selector");
    doc.select(&selector).collect()
}

fn text(doc: &Html, css: &str) -> String {
    select(doc, css)
        .first()
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default()
}

/// Every link, script, stylesheet and image of every page points at a file
/// that exists, and every `#anchor` at an element with that id.
fn assert_internal_links_resolve(out: &Path) {
    let mut ids: HashMap<PathBuf, Vec<String>> = HashMap::new();
    let mut problems = Vec::new();
    let pages: Vec<PathBuf> = files_under(out)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    for page in &pages {
        let doc = html(page);
        ids.insert(
            page.clone(),
            select(&doc, "[id]")
                .iter()
                .filter_map(|e| e.value().attr("id").map(String::from))
                .collect(),
        );
    }
    for page in &pages {
        if page.ends_with("404.html") {
            continue; // links from the root of the server, checked separately
        }
        let doc = html(page);
        for element in select(&doc, "a[href], link[href], script[src], img[src]") {
            let value = element.value();
            let Some(link) = value.attr("href").or_else(|| value.attr("src")) else {
                continue;
            };
            let has_scheme = link.split_once(':').is_some_and(|(scheme, _)| {
                !scheme.is_empty()
                    && scheme
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            });
            if has_scheme || link.starts_with("//") {
                continue;
            }
            let (path, anchor) = link.split_once('#').unwrap_or((link, ""));
            let mut target = if path.is_empty() {
                page.clone()
            } else {
                page.parent().expect("parent").join(path)
            };
            if path.ends_with('/') || target.is_dir() {
                target = target.join("index.html");
            }
            let target = normalize(&target);
            if !target.is_file() {
                problems.push(format!(
                    "{}: {link} -> missing {}",
                    page.display(),
                    target.display()
                ));
                continue;
            }
            if !anchor.is_empty()
                && !ids
                    .get(&target)
                    .is_some_and(|ids| ids.iter().any(|id| id == anchor))
            {
                problems.push(format!("{}: {link} -> no #{anchor}", page.display()));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "broken links:\n{}",
        problems.join("\n")
    );
}

fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[test]
fn the_fixture_site_shows_each_pair_with_its_status_as_of_the_date() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("site");
    build(&repo().join("tests/fixtures/valid"), &out, "2026-04-01");

    let pair = html(&out.join("pairs/dana-and-farah/index.html"));
    assert_eq!(text(&pair, "h1"), "Dana and Farah");
    assert_eq!(text(&pair, ".page-header .status"), "on track");
    assert!(
        text(&pair, ".progress-summary")
            .starts_with("2 sessions held of 2 expected by now (20 planned in all)"),
        "{}",
        text(&pair, ".progress-summary")
    );
    assert_eq!(select(&pair, ".timeline-item").len(), 3);
    assert!(text(&pair, ".content").contains("We meet in the library."));
    // The session template is linked from the timeline.
    let kickoff = select(&pair, ".timeline-item a")[0]
        .value()
        .attr("href")
        .map(String::from);
    assert_eq!(kickoff.as_deref(), Some("../../sessions/01-kickoff/"));

    let confidential = html(&out.join("pairs/ari-and-tomas/index.html"));
    assert_eq!(text(&confidential, ".page-header .status"), "at risk");
    assert!(text(&confidential, ".callout").contains("confidential"));

    let newcomers = html(&out.join("pairs/newcomers/index.html"));
    assert_eq!(text(&newcomers, "h1"), "Nia New and Lee Leader");
    assert_eq!(text(&newcomers, ".page-header .status"), "not started");

    let dashboard = html(&out.join("progress/index.html"));
    let counts: HashMap<String, String> = select(&dashboard, ".figures .figure")
        .iter()
        .map(|f| {
            let label = f
                .select(&Selector::parse("dt").expect("dt"))
                .next()
                .map(|e| e.text().collect::<String>())
                .unwrap_or_default();
            let value = f
                .select(&Selector::parse("dd").expect("dd"))
                .next()
                .map(|e| e.text().collect::<String>())
                .unwrap_or_default();
            (label.trim().to_string(), value.trim().to_string())
        })
        .collect();
    assert_eq!(counts["on track"], "1");
    assert_eq!(counts["at risk"], "1");
    assert_eq!(counts["not started"], "1");
    assert_eq!(counts["stalled"], "0");
    // Attention first: at risk before not started before on track.
    let order: Vec<String> = select(&dashboard, "#pairs tbody tr")
        .iter()
        .filter_map(|r| r.value().attr("data-status").map(String::from))
        .collect();
    assert_eq!(order, ["at-risk", "not-started", "on-track"]);

    let guide = html(&out.join("guide/index.html"));
    assert_eq!(select(&guide, "#checklist tbody tr").len(), 3);
    assert_eq!(
        text(&guide, ".page-header .meta"),
        "1 of 3 steps done · 1 overdue · checklist 3 of 5"
    );

    let session = html(&out.join("sessions/01-kickoff/index.html"));
    assert_eq!(text(&session, ".agenda tfoot th"), "45");
    assert_eq!(text(&session, ".facts div:last-child dd"), "2 pairs");

    let goals = html(&out.join("goals/index.html"));
    assert_eq!(select(&goals, "#goals-table tbody tr").len(), 2);
    assert_eq!(select(&goals, "svg.goals-chart circle").len(), 3);

    let home = html(&out.join("index.html"));
    let figures: Vec<String> = select(&home, ".figure-value")
        .iter()
        .map(|e| e.text().collect())
        .collect();
    // Pairs, sessions held, share on track, steps done, goals reached.
    assert_eq!(figures, ["3", "3", "50%", "1 of 3", "0 of 2"]);

    let people = html(&out.join("people/index.html"));
    assert_eq!(select(&people, "#people tbody tr").len(), 5);

    assert_internal_links_resolve(&out);
}

#[test]
fn private_and_confidential_details_reach_no_output_file() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("site");
    build(&repo().join("tests/fixtures/valid"), &out, "2026-04-01");
    for file in files_under(&out) {
        let bytes = std::fs::read(&file).expect("read");
        let text = String::from_utf8_lossy(&bytes);
        for marker in ["FIXTURE-PRIVATE", "FIXTURE-CONFIDENTIAL", "ari@example.org"] {
            assert!(
                !text.contains(marker),
                "{marker} leaked into {}",
                file.display()
            );
        }
    }
}

#[test]
fn the_default_playbook_builds_with_pages_that_match_the_model() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("site");
    build(&repo(), &out, AS_OF);
    let checked = pipeline::load_and_check(&repo()).expect("load");
    let playbook = &checked.playbook;
    let as_of = mentorbook::source::fields::parse_date(AS_OF).expect("date");
    let mut by_status: HashMap<PairStatus, usize> = HashMap::new();
    for pair in &playbook.pairs {
        let p = progress::of_pair(pair, as_of, playbook.config.progress);
        *by_status.entry(p.status).or_default() += 1;
        let page = html(&out.join("pairs").join(&pair.id.value).join("index.html"));
        assert_eq!(
            text(&page, ".page-header .status"),
            p.status.label(),
            "pair {}",
            pair.id.value
        );
        let summary = text(&page, ".progress-summary");
        assert!(
            summary.starts_with(&format!("{} session", p.held)),
            "pair {}: {summary}",
            pair.id.value
        );
        assert!(
            summary.contains(&format!("of {} expected", p.expected)),
            "pair {}: {summary}",
            pair.id.value
        );
    }
    // The default playbook shows every status.
    assert_eq!(by_status.len(), PairStatus::ALL.len(), "{by_status:?}");
    let dashboard = html(&out.join("progress/index.html"));
    assert_eq!(
        select(&dashboard, "#pairs tbody tr").len(),
        playbook.pairs.len()
    );
    for status in PairStatus::ALL {
        let label = text(
            &dashboard,
            &format!(".figures .figure:has(.status-{}) dd", status.slug()),
        );
        assert_eq!(label, by_status[&status].to_string(), "{status:?}");
    }
    assert_internal_links_resolve(&out);
}

#[test]
fn two_builds_are_byte_identical() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    build(&repo(), &a, AS_OF);
    build(&repo(), &b, AS_OF);
    let files_a = files_under(&a);
    let files_b = files_under(&b);
    assert_eq!(
        files_a
            .iter()
            .map(|p| p.strip_prefix(&a).expect("prefix"))
            .collect::<Vec<_>>(),
        files_b
            .iter()
            .map(|p| p.strip_prefix(&b).expect("prefix"))
            .collect::<Vec<_>>()
    );
    for (x, y) in files_a.iter().zip(&files_b) {
        assert!(
            std::fs::read(x).expect("a") == std::fs::read(y).expect("b"),
            "{} differs",
            x.display()
        );
    }
}

#[test]
fn source_date_epoch_sets_the_as_of_date() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("site");
    let status = Command::new(env!("CARGO_BIN_EXE_mentorbook"))
        .args([
            "build",
            repo().join("tests/fixtures/valid").to_str().expect("utf8"),
            "--out",
            out.to_str().expect("utf8"),
        ])
        .env("SOURCE_DATE_EPOCH", "1775001600") // 2026-04-01
        .status()
        .expect("run");
    assert!(status.success());
    let footer = text(&html(&out.join("index.html")), ".site-footer time");
    assert_eq!(footer, "1 Apr 2026");
}

#[test]
fn a_broken_input_leaves_the_previous_output_intact() {
    let tmp = tempfile::tempdir().expect("tmp");
    let site = tmp.path().join("site");
    copy_dir(&repo().join("tests/fixtures/valid"), &site);
    let out = tmp.path().join("public");
    build(&site, &out, "2026-04-01");
    let before: Vec<(PathBuf, Vec<u8>)> = files_under(&out)
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).expect("read");
            (p, bytes)
        })
        .collect();

    std::fs::write(site.join("content/goals.md"), "---\ntitle: [broken\n---\n").expect("break");
    let output = mentorbook(&[
        "build",
        site.to_str().expect("utf8"),
        "--out",
        out.to_str().expect("utf8"),
        "--as-of",
        "2026-05-01",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--> content/goals.md:"), "{stderr}");
    assert!(stderr.contains("was left as it was"), "{stderr}");
    for (path, bytes) in before {
        assert_eq!(
            std::fs::read(&path).expect("still there"),
            bytes,
            "{} changed",
            path.display()
        );
    }
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let tmp = tempfile::tempdir().expect("tmp");
    let site = tmp.path().join("site");
    copy_dir(&repo().join("tests/fixtures/valid"), &site);
    std::fs::write(
        site.join("content/secret-plan.md"),
        "---\ntitle: Secret plan\ndraft: true\n---\nNot yet.\n",
    )
    .expect("draft");
    let out = tmp.path().join("public");
    build(&site, &out, "2026-04-01");
    assert!(!out.join("secret-plan/index.html").exists());
    let index: String = files_under(&out.join("search"))
        .iter()
        .map(|f| read(f))
        .collect();
    assert!(
        index.contains("\"goals\""),
        "the index has the other pages: {index}"
    );
    assert!(!index.contains("Secret plan") && !index.contains("secret"));
    build_ok(&site, &out, "2026-04-01", &["--drafts"]);
    assert!(out.join("secret-plan/index.html").exists());
}

#[test]
fn a_site_overrides_theme_templates_and_assets_by_name() {
    let tmp = tempfile::tempdir().expect("tmp");
    let site = tmp.path().join("site");
    copy_dir(&repo().join("tests/fixtures/valid"), &site);
    std::fs::create_dir_all(site.join("templates")).expect("templates");
    std::fs::write(
        site.join("templates/404.html"),
        "<!doctype html><title>Lost</title><p>Custom {{ site.title }}</p>",
    )
    .expect("404");
    std::fs::create_dir_all(site.join("static")).expect("static");
    std::fs::write(
        site.join("static/logo.svg"),
        "<svg xmlns='http://www.w3.org/2000/svg'/>",
    )
    .expect("logo");
    let out = tmp.path().join("public");
    build(&site, &out, "2026-04-01");
    assert_eq!(
        read(&out.join("404.html")),
        "<!doctype html><title>Lost</title><p>Custom Fixture Programme</p>"
    );
    assert!(out.join("static/logo.svg").exists());
    assert!(out.join("static/style.css").exists());

    std::fs::write(site.join("templates/page.html"), "{% if broken %}").expect("bad template");
    let output = mentorbook(&[
        "build",
        site.to_str().expect("utf8"),
        "--out",
        out.to_str().expect("utf8"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("templates/page.html"));
    // The staging folder of the failed build is gone; the last good site stays.
    let mut left: Vec<String> = std::fs::read_dir(tmp.path())
        .expect("tmp")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["public", "site"]);
    assert!(out.join("static/logo.svg").exists());
}

#[test]
fn the_output_is_self_contained_and_the_search_index_is_a_script() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("site");
    build(&repo(), &out, AS_OF);
    for file in files_under(&out) {
        if file
            .extension()
            .is_some_and(|e| e == "html" || e == "css" || e == "js")
        {
            let text = read(&file);
            for needle in ["src=\"http", "href=\"http://", "url(http", "@import"] {
                assert!(
                    !text.contains(needle),
                    "{} loads from another host ({needle})",
                    file.display()
                );
            }
        }
    }
    let index = read(&out.join("search/index.js"));
    assert!(index.starts_with("mentorbookSearch(\"index\",\"\",{\"v\":2,"));
    // Pages load the index only on first use, never in their <head>.
    assert!(!read(&out.join("index.html")).contains("search/"));
}
