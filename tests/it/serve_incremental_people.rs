//! `serve` keeps what the people list alone gives (ids to people, the
//! directory's order of names and initials) from one edit to the next
//! while the people are the same: edits that change the people, or the
//! language names are sorted in, must still serve what a full build
//! makes, and so must the roster edits after them. And a save the
//! watcher sees twice is rebuilt once.

use crate::serve_incremental::{full_build, generated, options, rosters, served};
use crate::support::Site;
use mentorbook::commands::serve::LiveSite;

fn assert_built(site: &LiveSite, sources: &Site, what: &str) {
    let served = served(site);
    let built = full_build(sources.root());
    let mut differ: Vec<&String> = built
        .keys()
        .filter(|k| served.get(*k) != Some(&built[*k]))
        .collect();
    differ.extend(served.keys().filter(|k| !built.contains_key(*k)));
    assert!(differ.is_empty(), "after {what}: {differ:?}");
}

/// The first roster, with a session added to its first pair that has
/// sessions (or the one added taken out again).
fn roster_edit(sources: &Site, site: &LiveSite, what: &str) {
    let roster = rosters(sources).swap_remove(0);
    let added = "      - {date: 2026-11-20, template: kickoff, status: held}\n";
    sources.edit(&roster, |t| {
        if t.contains(added) {
            t.replacen(added, "", 1)
        } else {
            t.replacen("    sessions:\n", &format!("    sessions:\n{added}"), 1)
        }
    });
    let outcome = site.rebuild_edited(&[sources.path(&roster)]);
    assert!(outcome.error.is_none(), "{what}: {:?}", outcome.error);
    assert!(outcome.partial, "{what} rendered the whole site");
    assert_built(site, sources, what);
}

/// `data/people.csv` edited as `edit` says, then rebuilt as the watcher
/// would after a write in place.
fn people_edit(sources: &Site, site: &LiveSite, what: &str, edit: impl Fn(&str) -> String) {
    let before = crate::support::read(&sources.path("data/people.csv"));
    sources.edit("data/people.csv", |t| edit(t));
    assert_ne!(
        before,
        crate::support::read(&sources.path("data/people.csv")),
        "{what}: no change"
    );
    let outcome = site.rebuild_edited(&[sources.path("data/people.csv")]);
    assert!(outcome.error.is_none(), "{what}: {:?}", outcome.error);
    assert_built(site, sources, what);
}

/// The second person's row (the first is the head of the organisation,
/// whom every reporting line names) as (id, name).
fn second_person(sources: &Site) -> (String, String) {
    let people = crate::support::read(&sources.path("data/people.csv"));
    let row = people.lines().nth(2).expect("a second person");
    let mut cells = row.split(',');
    let id = cells.next().expect("an id").to_string();
    (id, cells.next().expect("a name").to_string())
}

#[test]
fn people_renamed_added_and_sorted_in_another_language_show_after_roster_edits() {
    let sources = generated(&["--pairs", "60", "--cohorts", "2"]);
    let site = LiveSite::new(sources.root(), options());
    let first = site.rebuild();
    assert!(first.error.is_none(), "{:?}", first.error);
    roster_edit(&sources, &site, "a roster edit with the people unchanged");

    // Filed under another initial: the directory's pages and order change.
    let (id, name) = second_person(&sources);
    people_edit(&sources, &site, "a person renamed", |t| {
        t.replacen(
            &format!("{id},{name},"),
            &format!("{id},Łucja Zielińska,"),
            1,
        )
    });
    roster_edit(&sources, &site, "a roster edit after the rename");

    people_edit(&sources, &site, "a person added", |t| {
        format!("{t}zyta-abara,Żyta Abara,Analyst,Operations,zyta@example.org,\n")
    });
    roster_edit(&sources, &site, "a roster edit after a person was added");

    // Polish files Ł and Ż under letters of their own.
    let initials = |site: &LiveSite| -> Vec<(String, Vec<u8>)> {
        served(site)
            .into_iter()
            .filter(|(k, _)| k.starts_with("people/initial/"))
            .collect()
    };
    let english = initials(&site);
    sources.edit("playbook.yaml", |t| format!("{t}language: pl\n"));
    let outcome = site.rebuild_edited(&[sources.path("playbook.yaml")]);
    assert!(outcome.error.is_none(), "{:?}", outcome.error);
    assert_built(&site, &sources, "the language changed");
    assert_ne!(initials(&site), english, "the directory is as in English");
    roster_edit(&sources, &site, "a roster edit in Polish");
}

#[test]
fn a_save_already_rebuilt_is_not_rebuilt_again() {
    let sources = generated(&["--pairs", "60", "--cohorts", "2"]);
    let site = LiveSite::new(sources.root(), options());
    assert!(site.rebuild().error.is_none());
    let roster = rosters(&sources).swap_remove(0);
    let path = [sources.path(&roster)];
    assert!(site.unchanged(&path), "nothing was edited yet");
    sources.edit(&roster, |t| {
        t.replacen(
            "    sessions:\n",
            "    sessions:\n      - {date: 2026-11-20, template: kickoff, status: held}\n",
            1,
        )
    });
    assert!(!site.unchanged(&path), "the edit is not seen");
    assert!(site.rebuild_edited(&path).error.is_none());
    // The watcher's second burst of the same save: nothing to do.
    assert!(site.unchanged(&path));
}

/// A file saved from Windows (byte-order mark, CRLF line ends) is compared as
/// the load reads it: its save's second burst was taken for a change and,
/// finding none, rendered the whole site again.
#[test]
fn a_windows_save_already_rebuilt_is_not_rebuilt_again() {
    let sources = Site::from_dir("examples/two-programs");
    let faq = "content/faq.md";
    sources.edit(faq, |t| format!("\u{feff}{}", t.replace('\n', "\r\n")));
    let site = LiveSite::new(sources.root(), options());
    assert!(site.rebuild().error.is_none());
    let path = [sources.path(faq)];
    assert!(site.unchanged(&path), "nothing was edited yet");
    sources.edit(faq, |t| format!("{t}More.\r\n"));
    assert!(!site.unchanged(&path), "the edit is not seen");
    let first = site.rebuild_edited(&path);
    assert!(first.error.is_none() && first.partial);
    assert!(site.unchanged(&path), "the second burst of the same save");
}
