//! `serve` renders only the pages an edit can change, and the site it then
//! serves is byte for byte the site a full build of the edited sources
//! makes: every file, the search index included.

use crate::support::{Site, read, repo};
use chrono::NaiveDate;
use mentorbook::commands::serve::LiveSite;
use mentorbook::pipeline;
use mentorbook::render::Options;
use std::collections::BTreeMap;
use std::path::Path;

pub(super) fn options() -> Options {
    Options {
        as_of: NaiveDate::from_ymd_opt(2026, 11, 24).expect("date"),
        drafts: false,
    }
}

pub(super) fn served(site: &LiveSite) -> BTreeMap<String, Vec<u8>> {
    site.current()
        .files
        .iter()
        .map(|(path, bytes)| (path.to_string(), bytes.as_ref().clone()))
        .collect()
}

/// The default playbook's pilot roster with its one missed session of
/// 2026-09-07 marked held.
pub(super) fn missed_to_held(roster: &str) -> String {
    roster.replacen(
        "{date: 2026-09-07, template: digital-tools, status: missed}",
        "{date: 2026-09-07, template: digital-tools, status: held}",
        1,
    )
}

/// A program `examples/synthetic/generate.py` writes with `args`.
pub(super) fn generated(args: &[&str]) -> Site {
    let sources = Site::empty();
    let ran = std::process::Command::new("python3")
        .arg(repo().join("examples/synthetic/generate.py"))
        .args(args)
        .arg("--out")
        .arg(sources.root())
        .output()
        .expect("python3 runs");
    assert!(
        ran.status.success(),
        "{}",
        String::from_utf8_lossy(&ran.stderr)
    );
    sources
}

/// A generated program's rosters, `content/cohorts/...`, in name order.
pub(super) fn rosters(sources: &Site) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(sources.path("content/cohorts"))
        .expect("cohorts")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name != "_index.md" && name.ends_with(".md"))
        .map(|name| format!("content/cohorts/{name}"))
        .collect();
    names.sort();
    names
}

pub(super) fn full_build(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let site = pipeline::render_site(root, &options())
        .unwrap_or_else(|_| panic!("{} does not build", root.display()));
    site.files.into_iter().map(|f| (f.path, f.bytes)).collect()
}

pub(super) fn assert_same_site(site: &LiveSite, root: &Path, after: &str) {
    let served = served(site);
    let built = full_build(root);
    let only_served: Vec<&String> = served.keys().filter(|k| !built.contains_key(*k)).collect();
    let only_built: Vec<&String> = built.keys().filter(|k| !served.contains_key(*k)).collect();
    assert!(
        only_served.is_empty() && only_built.is_empty(),
        "after {after}: files only served {only_served:?}, only built {only_built:?}"
    );
    let differ: Vec<&String> = built.keys().filter(|k| built[*k] != served[*k]).collect();
    assert!(
        differ.is_empty(),
        "after {after}: these files differ from a full build: {differ:?}"
    );
}

#[test]
fn each_edit_renders_what_it_must_and_serves_what_a_full_build_makes() {
    let sources = Site::from_repo();
    let root = sources.root();
    // A plain page in a section of its own, which an edit to another
    // section's plain page must leave alone.
    sources.write(
        "content/notes/room-booking.md",
        "---\ntitle: Booking rooms\n---\nBook a quiet room two weeks ahead.\n",
    );
    let site = LiveSite::new(root, options());

    let first = site.rebuild();
    assert!(first.error.is_none() && !first.partial, "{:?}", first.error);
    assert!(first.pages > 40, "{} pages", first.pages);

    // Prose of a session template: that page and the whole playbook's
    // print page alone, and the new word is searchable.
    sources.edit("content/sessions/03-social-media.md", |t| {
        format!("{t}\nBring a zebrafinch sketch.\n")
    });
    let outcome = site.rebuild();
    assert!(outcome.error.is_none(), "{:?}", outcome.error);
    assert!(outcome.partial, "a body edit rendered everything");
    assert_eq!(outcome.pages, 2);
    assert_same_site(&site, root, "a body edit");
    let index: String = served(&site)
        .iter()
        .filter(|(path, _)| path.starts_with("search/w/"))
        .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
        .collect();
    assert!(
        index.contains("\"zebrafinch\""),
        "the new word is not in the search index"
    );

    // A pair's own notes are shown on its pair page. The watcher saw only
    // this file written in place, so only it is read again.
    sources.edit("content/pairs/ethan-and-graham.md", |t| {
        t.replace("## Our plan", "## Our plan, revised")
    });
    let outcome = site.rebuild_edited(&[sources.path("content/pairs/ethan-and-graham.md")]);
    assert!(
        outcome.partial && outcome.pages == 1,
        "{} pages",
        outcome.pages
    );
    assert_same_site(&site, root, "a pair file's body edit");

    // A title is in the sidebar of every page of its section and more.
    sources.edit("content/sessions/03-social-media.md", |t| {
        t.replacen("title: Social media", "title: Social media basics", 1)
    });
    let outcome = site.rebuild_edited(&[sources.path("content/sessions/03-social-media.md")]);
    assert!(
        !outcome.partial,
        "a front matter edit rendered only some pages"
    );
    assert_same_site(&site, root, "a title edit");

    // A plain page's title is in its section's sidebar and listing, and
    // its neighbours' prev/next: those pages and every page that is not
    // plain are rendered, not the plain pages of other sections.
    sources.edit("content/about/faq.md", |t| {
        t.replacen(
            "title: Frequently asked questions",
            "title: Questions people ask",
            1,
        )
    });
    let outcome = site.rebuild_edited(&[sources.path("content/about/faq.md")]);
    assert!(outcome.error.is_none(), "{:?}", outcome.error);
    assert!(
        outcome.partial && outcome.pages < first.pages,
        "a plain page's title rendered {} of {} pages",
        outcome.pages,
        first.pages
    );
    assert_same_site(&site, root, "a plain page's title edit");

    // Its weight reorders the sidebar and prev/next.
    sources.edit("content/about/faq.md", |t| {
        t.replacen("weight: 4", "weight: 9", 1)
    });
    let outcome = site.rebuild();
    assert!(outcome.partial, "a plain page's weight rendered everything");
    assert_same_site(&site, root, "a plain page's weight edit");

    // An old address for a plain page is a redirect file, served at once.
    sources.edit("content/notes/room-booking.md", |t| {
        t.replacen("---\ntitle", "---\naliases: [rooms/]\ntitle", 1)
    });
    let outcome = site.rebuild();
    assert!(outcome.error.is_none(), "{:?}", outcome.error);
    assert!(served(&site).contains_key("rooms/index.html"));
    assert_same_site(&site, root, "an alias added to a plain page");

    // A snippet is in every page that includes it, though none of their
    // files changed: the pages read before are not reused.
    sources.edit("snippets/ground-rules.md", |t| {
        t.replace("leave it for another day", "leave it for a quokka day")
    });
    let outcome = site.rebuild_edited(&[sources.path("snippets/ground-rules.md")]);
    assert!(outcome.error.is_none(), "{:?}", outcome.error);
    assert_same_site(&site, root, "a snippet edit");
    let kickoff = served(&site)["sessions/01-kickoff/index.html"].clone();
    assert!(String::from_utf8_lossy(&kickoff).contains("a quokka day"));

    // A data file written in place is not a content page: the site is
    // read again as a whole.
    sources.edit("data/people.csv", |t| {
        t.replacen("Chief Operating Officer", "Chief Operations Officer", 1)
    });
    let outcome = site.rebuild_edited(&[sources.path("data/people.csv")]);
    assert!(
        outcome.error.is_none() && !outcome.partial,
        "{:?}",
        outcome.error
    );
    assert_same_site(&site, root, "a data file edit");

    // A ticked checklist box changes the guide's progress, not just the step.
    sources.edit("content/launch/01-define-goals.md", |t| {
        t.replacen("- [x] Run one workshop", "- [ ] Run one workshop", 1)
    });
    let outcome = site.rebuild();
    assert!(
        outcome.partial && outcome.pages < first.pages,
        "a checklist edit rendered {} of {} pages",
        outcome.pages,
        first.pages
    );
    assert_same_site(&site, root, "a checklist edit");

    // A broken link fails the build and keeps the last good site; fixing it
    // is a body edit against that site.
    sources.edit("content/about/faq.md", |t| {
        format!("{t}\nSee [the missing page](missing.md).\n")
    });
    let good = served(&site);
    let broken = site.rebuild();
    assert!(broken.error.is_some(), "a broken link built");
    // Its pages were shown before the check found the error: the last good
    // site is back, under the error.
    assert!(
        served(&site) == good,
        "a build with errors replaced the good site"
    );
    assert!(site.current().error.is_some());
    sources.edit("content/about/faq.md", |t| {
        t.replace(
            "[the missing page](missing.md)",
            "[the pitfalls](pitfalls.md)",
        )
    });
    let fixed = site.rebuild();
    assert!(fixed.error.is_none(), "{:?}", fixed.error);
    // The page and the print page, which prints it.
    assert!(fixed.partial && fixed.pages == 2, "{} pages", fixed.pages);
    assert_same_site(&site, root, "fixing a broken link");

    // A template edit renders everything.
    let page = read(&repo().join("themes/default/templates/page.html"));
    sources.write(
        "templates/page.html",
        page.replacen("{% block after %}", "{% block after %}<p>Our own</p>", 1),
    );
    let outcome = site.rebuild();
    assert!(!outcome.partial, "a template edit rendered only some pages");
    assert_same_site(&site, root, "a template override");
    let faq = &served(&site)["about/faq/index.html"];
    assert!(String::from_utf8_lossy(faq).contains("<p>Our own</p>"));

    // An asset saved together with a body edit: the asset is not left stale.
    sources.write("static/note.txt", "first");
    let outcome = site.rebuild();
    assert_same_site(&site, root, "a new asset");
    sources.write("static/note.txt", "second");
    sources.edit("content/about/faq.md", |t| format!("{t}\nOne more line.\n"));
    let outcome_both = site.rebuild();
    assert!(outcome.error.is_none() && !outcome_both.partial);
    assert_same_site(&site, root, "an asset and a body edit at once");
}

/// Makes `edit` to `file`, rebuilds as the watcher would (only that file
/// read again), and asserts that fewer pages than a full build were
/// rendered and that the site served is a full build's, file for file.
fn assert_partial_edit(
    sources: &Site,
    site: &LiveSite,
    full: usize,
    file: &str,
    what: &str,
    edit: impl FnOnce(&str) -> String,
) -> usize {
    let before = read(&sources.path(file));
    sources.edit(file, |t| edit(t));
    assert_ne!(
        read(&sources.path(file)),
        before,
        "{what}: the edit changed nothing"
    );
    let outcome = site.rebuild_edited(&[sources.path(file)]);
    assert!(outcome.error.is_none(), "{what}: {:?}", outcome.error);
    assert!(
        outcome.partial && outcome.pages < full,
        "{what} rendered {} of {full} pages",
        outcome.pages
    );
    assert_same_site(site, sources.root(), what);
    outcome.pages
}

const PILOT: &str = "content/cohorts/2026-pilot.md";

const NEW_PAIR: &str = "  - id: tariq-and-hannah
    mentor: tariq-rahman
    mentee: hannah-brooks
    start: 2026-10-05
    sessions:
      - {date: 2026-10-05, template: kickoff, status: held}

";

#[test]
fn edits_to_rosters_pairs_steps_and_goals_render_only_the_pages_showing_them() {
    let sources = Site::from_repo();
    let site = LiveSite::new(sources.root(), options());
    let first = site.rebuild();
    assert!(first.error.is_none(), "{:?}", first.error);
    let full = first.pages;
    let edit = |file: &str, what: &str, f: &dyn Fn(&str) -> String| {
        assert_partial_edit(&sources, &site, full, file, what, f)
    };

    let pages = edit(PILOT, "a session added to a roster", &|t| {
        t.replacen(
            "      - {date: 2026-11-09, template: social-media, status: held}\n",
            "      - {date: 2026-11-09, template: social-media, status: held}\n      \
             - {date: 2026-11-23, template: digital-tools, status: held}\n",
            1,
        )
    });
    // The pair and its neighbours, its roster, its two people, the session
    // templates, the figures' pages: not the other pairs and people.
    assert!(
        pages < 30,
        "a session added rendered {pages} of {full} pages"
    );
    edit(PILOT, "a session's status changed", &missed_to_held);
    edit(PILOT, "a pair's status changed", &|t| {
        t.replacen(
            "    mentee: kenji-watanabe\n",
            "    mentee: kenji-watanabe\n    status: paused\n",
            1,
        )
    });
    edit(PILOT, "a pair's mentee changed", &|t| {
        t.replacen(
            "    mentee: kenji-watanabe\n",
            "    mentee: hannah-brooks\n",
            1,
        )
    });
    edit(PILOT, "a pair added", &|t| {
        t.replacen(
            "  - id: ruby-and-kenji\n",
            &format!("{NEW_PAIR}  - id: ruby-and-kenji\n"),
            1,
        )
    });
    assert!(served(&site).contains_key("pairs/tariq-and-hannah/index.html"));
    edit(PILOT, "a pair removed", &|t| t.replacen(NEW_PAIR, "", 1));
    assert!(!served(&site).contains_key("pairs/tariq-and-hannah/index.html"));
    edit(
        "content/pairs/maya-and-richard.md",
        "a pair file's front matter",
        &|t| {
            t.replacen(
                "kind: pair\n",
                "kind: pair\npublic_title: Live data for leaders\n",
                1,
            )
        },
    );
    edit("content/launch/07-evaluate.md", "a step's status", &|t| {
        t.replacen("status: todo", "status: doing", 1)
    });
    edit("content/goals.md", "a goal's result", &|t| {
        t.replacen(
            "      - {date: 2026-11-01, value: 77}\n",
            "      - {date: 2026-11-01, value: 77}\n      - {date: 2026-11-20, value: 81}\n",
            1,
        )
    });

    // A roster naming someone unknown: its pages are shown before check
    // runs, then the last good site comes back under the error; fixing it
    // is again an edit of a few pages.
    let good = served(&site);
    sources.edit(PILOT, |t| {
        t.replacen(
            "    mentee: hannah-brooks\n",
            "    mentee: nobody-at-all\n",
            1,
        )
    });
    let broken = site.rebuild_edited(&[sources.path(PILOT)]);
    let error = broken.error.expect("an unknown mentee built");
    assert!(error.contains("nobody-at-all"), "{error}");
    assert!(
        served(&site) == good,
        "a roster with errors replaced the good site"
    );
    assert!(site.current().error.is_some());
    edit(PILOT, "an error fixed", &|t| {
        t.replacen(
            "    mentee: nobody-at-all\n",
            "    mentee: kenji-watanabe\n",
            1,
        )
    });
    assert!(site.current().error.is_none());
}

#[test]
fn roster_edits_on_a_generated_program_render_only_the_pages_showing_them() {
    let sources = generated(&["--pairs", "120"]);
    let site = LiveSite::new(sources.root(), options());
    let first = site.rebuild();
    assert!(first.error.is_none(), "{:?}", first.error);
    let full = first.pages;
    let roster = std::fs::read_dir(sources.path("content/cohorts"))
        .expect("cohorts")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name != "_index.md" && name.ends_with(".md"))
        .min()
        .map(|name| format!("content/cohorts/{name}"))
        .expect("a roster");
    let pages = assert_partial_edit(&sources, &site, full, &roster, "a session added", |t| {
        t.replacen(
            "    sessions:\n",
            "    sessions:\n      - {date: 2026-11-20, template: kickoff, status: held}\n",
            1,
        )
    });
    assert!(
        pages * 4 < full,
        "a session added rendered {pages} of {full} pages"
    );
    assert_partial_edit(&sources, &site, full, &roster, "a pair's status", |t| {
        let at = t.find("    status: ").expect("a pair status");
        let end = at + t[at..].find('\n').expect("line end");
        let now = if t[at..end].contains("paused") {
            "completed"
        } else {
            "paused"
        };
        format!("{}    status: {now}{}", &t[..at], &t[end..])
    });
}

#[test]
fn a_roster_edit_in_one_program_of_several_serves_what_a_full_build_makes() {
    let sources = Site::from_dir(repo().join("examples/two-programs"));
    let site = LiveSite::new(sources.root(), options());
    let first = site.rebuild();
    assert!(first.error.is_none(), "{:?}", first.error);
    let full = first.pages;
    let roster = "content/buddies/cohorts/autumn-2026.md";
    // The buddies' dashboard, its attention pages, the site's overview
    // and the person pages of people in both programs all show this.
    assert_partial_edit(&sources, &site, full, roster, "a session added", |t| {
        t.replacen(
            "      - {date: 2026-10-26, template: check-in}\n",
            "      - {date: 2026-10-26, template: check-in}\n      \
             - {date: 2026-11-02, template: check-in}\n",
            1,
        )
    });
    assert_partial_edit(&sources, &site, full, roster, "a pair paused", |t| {
        t.replacen("    sessions:\n", "    status: paused\n    sessions:\n", 1)
    });
    assert_partial_edit(&sources, &site, full, roster, "a session missed", |t| {
        t.replacen(
            "template: check-in, status: missed}",
            "template: check-in, status: held}",
            1,
        )
    });
}
