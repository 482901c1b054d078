//! Links to every kind of output (issue #16, item 7, and the link half of
//! item 6): a relative link or image in content must name something the
//! build writes (a page by its `.md` file or its address, a generated page,
//! an export, a `static/` file), reported at the destination's line and
//! column with the nearest existing target written from the page.
//!
//! Each test is a copy of the default playbook with one change, read back
//! as a contributor sees it: `check`'s diagnostic, and the built page.

use crate::support::{Built, Site, files_under, normalize, repo};
use mentorbook::model::site::SiteMap;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const AS_OF: &str = "2026-11-24";

pub(super) fn playbook() -> Site {
    Site::from_repo().as_of(AS_OF)
}

/// Appends `text` to a content file; the line number it starts on.
fn append(site: &Site, file: &str, text: &str) -> usize {
    let before = site.read(file);
    let line = before.lines().count() + 2;
    site.write(file, format!("{}\n{text}\n", before.trim_end_matches('\n')));
    line - 1
}

/// A problem `check` reports: (code, "file:line:col", message, hint).
pub(super) type Problem = (String, String, String, String);

pub(super) fn problems(site: &Site) -> Vec<Problem> {
    let ran = site.run("check", ["--as-of", AS_OF, "--format", "json"]);
    ran.json()
        .as_array()
        .expect("array")
        .iter()
        .map(|d| {
            let text = |key: &str| d[key].as_str().unwrap_or("").to_string();
            (
                text("code"),
                format!("{}:{}:{}", text("file"), d["line"], d["col"]),
                text("message"),
                text("hint"),
            )
        })
        .collect()
}

/// The one problem `check` reports, which must be an error.
pub(super) fn only_problem(site: &Site) -> Problem {
    let found = problems(site);
    assert_eq!(found.len(), 1, "{found:#?}");
    found.into_iter().next().expect("one")
}

pub(super) fn col_of(line: &str, needle: &str) -> usize {
    line.find(needle).expect("needle") + 1
}

#[test]
fn a_misspelt_generated_page_is_an_error_with_the_right_relative_form() {
    // From the home page the people page is `people/`.
    let site = playbook();
    let text = "Everyone is on [the people page](peoples/).";
    let line = append(&site, "content/_index.md", text);
    let (code, at, message, hint) = only_problem(&site);
    assert_eq!(code, "broken-link");
    let col = col_of(text, "peoples/");
    assert_eq!(at, format!("content/_index.md:{line}:{col}"));
    assert!(message.contains("`peoples/`"), "{message}");
    assert_eq!(hint, "did you mean `people/`?");

    // From about/faq/ (content/about/faq.md) it is `../../people/`, and a
    // link climbing to a misspelt one is just as broken.
    let site = playbook();
    let text = "Ask [anyone](people/) or [them](../../peoplex/).";
    let line = append(&site, "content/about/faq.md", text);
    let found = problems(&site);
    let at = |needle: &str| format!("content/about/faq.md:{line}:{}", col_of(text, needle));
    assert_eq!(
        found,
        [
            (
                "broken-link".to_string(),
                at("people/"),
                "link to `people/` points at nothing the site publishes (looked for `about/faq/people/` in the built site)".to_string(),
                "did you mean `../../people/`?".to_string(),
            ),
            (
                "broken-link".to_string(),
                at("../../peoplex/"),
                "link to `../../peoplex/` points at nothing the site publishes (looked for `peoplex/` in the built site)".to_string(),
                "did you mean `../../people/`?".to_string(),
            ),
        ]
    );
}

#[test]
fn an_image_is_checked_against_the_static_files_and_published_with_them() {
    let site = playbook();
    // content/help.md is published at help/, one level down.
    site.write(
        "content/help.md",
        "---\ntitle: Help\n---\nOur team:\n\n![The team](img/team.png)\n",
    );
    let (code, at, _, hint) = only_problem(&site);
    assert_eq!(code, "broken-link");
    assert_eq!(
        at,
        format!(
            "content/help.md:6:{}",
            col_of("![The team](img/team.png)", "img/")
        )
    );
    assert!(
        hint.contains("static/img/team.png") && hint.contains("`../static/img/team.png`"),
        "{hint}"
    );
    assert_ne!(site.check().status().code(), Some(0));

    // In static/, linked from the page's address as the site publishes it.
    let png = b"\x89PNG\r\n\x1a\nteam";
    site.write("static/img/team.png", png);
    site.write(
        "content/help.md",
        "---\ntitle: Help\n---\nOur team:\n\n![The team](../static/img/team.png)\n",
    );
    assert_eq!(problems(&site), []);
    let built = site.build();
    let src = built.doc("help/").attrs(".content img", "src");
    assert_eq!(src, ["../static/img/team.png"]);
    let file = resolve(&built.path("help/index.html"), &src[0]);
    assert_eq!(
        std::fs::read(&file).expect("the image is in the output"),
        png
    );
}

#[test]
fn generated_pages_and_exports_are_link_targets() {
    let site = playbook();
    site.write(
        "content/help.md",
        "---\ntitle: Help\n---\n\
         See the [dashboard](../progress/), its [launch table](../progress/#launch), \
         [the CSV](../progress.csv), [JSON](../progress.json), [goals](../goals.csv), \
         [the pilot's sessions](../cohorts/2026-pilot/sessions.ics), [a pair's](../pairs/maya-and-richard/sessions.ics), \
         [Maya](../people/#person-maya-okafor), [the pilot](../cohorts/2026-pilot/), \
         [the FAQ](../about/faq/index.html#taking-part), [home](../) and [from the root](/people/).\n",
    );
    assert_eq!(problems(&site), []);
    let built = site.build();
    let hrefs = built.doc("help/").attrs(".content a", "href");
    // A link from the root works under any path: it is made relative.
    assert_eq!(hrefs.last().map(String::as_str), Some("../people/"));
    built.assert_internal_links_resolve();

    // One level too high, a misspelt export, an anchor the page lacks.
    let text =
        "[a](../../progress/) [b](../progres.csv) [c](../people/#person-nobody) [d](../about/faq)";
    site.write(
        "content/help.md",
        format!("---\ntitle: Help\n---\n{text}\n"),
    );
    let found = problems(&site);
    let summary: Vec<(&str, &str, &str)> = found
        .iter()
        .map(|(code, at, _, hint)| (code.as_str(), at.as_str(), hint.as_str()))
        .collect();
    let at = |needle: &str| format!("content/help.md:4:{}", col_of(text, needle));
    assert_eq!(
        summary,
        [
            (
                "broken-link",
                &*at("../../progress/"),
                "did you mean `../progress/`?"
            ),
            (
                "broken-link",
                &*at("../progres.csv"),
                "did you mean `../progress.csv`?"
            ),
            (
                "broken-anchor",
                &*at("../people/#"),
                "a person's entry is `#person-<their id>`, e.g. `people/#person-ana`"
            ),
            (
                "broken-link",
                &*at("../about/faq)"),
                "write `../about/faq/`: without the `/` the link breaks when the site is opened from disk"
            ),
        ]
    );
    assert!(
        found[0].2.contains("climbs above the site's root"),
        "{}",
        found[0].2
    );
}

#[test]
fn a_renamed_step_suggests_its_new_name_wherever_it_was_linked() {
    let site = playbook();
    let old = site.path("content/launch/04-pair-people.md");
    std::fs::rename(&old, site.path("content/launch/04-recruit-and-pair.md")).expect("rename");
    let found = problems(&site);
    // Every link to the old name, each with the new name written from its
    // own file, its anchor kept.
    let hints: BTreeSet<(String, String)> = found
        .iter()
        .map(|(code, at, _, hint)| {
            assert_eq!(code, "broken-link", "{at}");
            assert!(hint.contains("04-recruit-and-pair.md"), "{at}: {hint}");
            (at.split(':').next().unwrap_or("").to_string(), hint.clone())
        })
        .collect();
    for expected in [
        (
            "content/about/faq.md",
            "did you mean `../launch/04-recruit-and-pair.md#pairing-criteria`?",
        ),
        (
            "content/about/pitfalls.md",
            "did you mean `../launch/04-recruit-and-pair.md`?",
        ),
        (
            "content/cohorts/2026-pilot.md",
            "did you mean `../launch/04-recruit-and-pair.md#pairing-criteria`?",
        ),
        (
            "content/launch/03-collect-sign-ups.md",
            "did you mean `04-recruit-and-pair.md`?",
        ),
    ] {
        let expected = (expected.0.to_string(), expected.1.to_string());
        assert!(hints.contains(&expected), "{expected:?} in {hints:#?}");
    }
    // At the destination: `(04-pair-people.md)` on its line.
    let line = site
        .read("content/launch/03-collect-sign-ups.md")
        .lines()
        .position(|l| l.contains("(04-pair-people.md)"))
        .expect("the link")
        + 1;
    let text = site.read("content/launch/03-collect-sign-ups.md");
    let col = col_of(
        text.lines().nth(line - 1).unwrap_or(""),
        "04-pair-people.md",
    );
    assert!(
        found
            .iter()
            .any(|(_, at, _, _)| *at
                == format!("content/launch/03-collect-sign-ups.md:{line}:{col}")),
        "{found:#?}"
    );
}

#[test]
fn a_reference_link_is_reported_at_its_definition() {
    let site = playbook();
    site.write(
        "content/help.md",
        "---\ntitle: Help\n---\nSee [the roles][roles] and [the roles again][roles].\n\n[roles]: ../about/role/\n",
    );
    let (code, at, _, hint) = only_problem(&site);
    assert_eq!(code, "broken-link");
    assert_eq!(at, "content/help.md:6:10");
    assert_eq!(hint, "did you mean `../about/roles/`?");
}

#[test]
fn a_published_page_may_not_link_to_a_draft() {
    let site = playbook();
    // A `.md` link is relative to the file (content/), any other to the
    // page's address (help/).
    let text = "See [the proposal](cohorts/2027-spring-draft.md) and [a proposed pair](../pairs/amina-yusuf-and-nadia-haddad/).";
    site.write(
        "content/help.md",
        format!("---\ntitle: Help\n---\n{text}\n"),
    );
    let found = problems(&site);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found
            .iter()
            .all(|(code, _, message, hint)| code == "broken-link"
                && message.contains("broken in every build without --drafts")
                && hint.contains("draft: true"))
    );
    assert!(
        found[0]
            .2
            .contains("content/cohorts/2027-spring-draft.md is a draft")
    );
    assert!(found[1].2.contains("a draft roster"));

    // From a draft page, which only --drafts builds, the links work.
    site.write(
        "content/help.md",
        format!("---\ntitle: Help\ndraft: true\n---\n{text}\n"),
    );
    assert_eq!(problems(&site), []);
    let built = site.arg("--drafts").build();
    built.assert_internal_links_resolve();
}

#[test]
fn links_into_a_roster_that_failed_to_read_are_told_on_its_error() {
    let site = playbook();
    site.write(
        "content/help.md",
        "---\ntitle: Help\n---\nSee [Maya's pair](../pairs/maya-and-richard/) and [its file](pairs/maya-and-richard.md).\n",
    );
    assert_eq!(problems(&site), []);
    site.edit("content/cohorts/2026-pilot.md", |text| {
        text.replacen("kind: roster", "kind: rooster", 1)
    });
    let found = problems(&site);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].0, "unknown-kind");
}

/// The file `href` leads to from the page at `page`.
fn resolve(page: &Path, href: &str) -> PathBuf {
    normalize(&page.parent().expect("folder").join(href))
}

/// Every address a build wrote, as the site map spells them: pages by
/// their folder; the search index and mentorbook's marker file aside.
fn written(built: &Built) -> BTreeSet<String> {
    built
        .files()
        .into_iter()
        .filter(|f| !f.starts_with("search/") && !f.starts_with('.'))
        .map(|f| match f.strip_suffix("index.html") {
            Some(folder) if folder.is_empty() || folder.ends_with('/') => folder.to_string(),
            _ => f,
        })
        .collect()
}

/// What `check` takes to be published, with or without `--drafts`.
fn mapped(dir: &Path, drafts: bool) -> BTreeSet<String> {
    let checked = mentorbook::pipeline::load_and_check(dir).expect("loads");
    SiteMap::of(&checked.playbook)
        .paths()
        .filter(|(_, address)| drafts || !address.drafts_only)
        .map(|(path, _)| path.to_string())
        .collect()
}

/// The guard of the checker against the builder: on the default playbook
/// and every example, with and without drafts, every relative link of
/// every built page resolves to an output file (anchors included), and
/// what `check` accepts links to is exactly what the build wrote.
#[test]
fn every_built_link_resolves_and_check_knows_every_output_file() {
    let mut sites = vec![(PathBuf::from("the default playbook"), None)];
    for entry in files_under(&repo().join("examples")) {
        if entry.ends_with("content/_index.md") {
            let dir = entry.parent().and_then(Path::parent).expect("site");
            sites.push((dir.to_path_buf(), Some(dir.to_path_buf())));
        }
    }
    assert!(sites.len() >= 3, "{sites:?}");
    for (dir, example) in sites {
        for drafts in [false, true] {
            let mut site = match &example {
                Some(dir) => Site::from_dir(dir),
                None => Site::from_repo(),
            }
            .as_of(AS_OF);
            if drafts {
                site = site.arg("--drafts");
            }
            let built = site.build();
            built.assert_internal_links_resolve();
            assert_eq!(
                mapped(site.root(), drafts),
                written(&built),
                "{} (drafts: {drafts})",
                dir.display()
            );
        }
    }
}

#[test]
fn a_link_to_the_former_whole_program_calendar_points_at_a_cohorts_calendar() {
    // Builds before the light pages wrote `calendar.ics`; a page linking it
    // is told where its sessions are now, written from the page.
    let site = playbook();
    let text = "Subscribe to [every session](../../calendar.ics).";
    let line = append(&site, "content/about/faq.md", text);
    let (code, at, _, hint) = only_problem(&site);
    assert_eq!(code, "broken-link");
    let col = col_of(text, "../../calendar.ics");
    assert_eq!(at, format!("content/about/faq.md:{line}:{col}"));
    assert!(
        hint.contains("no longer written")
            && hint.contains("`../../cohorts/2026-pilot/sessions.ics`"),
        "{hint}"
    );
}
