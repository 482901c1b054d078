//! What `model::site` says a build publishes, and where.

use super::*;
use crate::source::load::Sources;

fn playbook(files: &[(&str, &str)]) -> Playbook {
    let sources = Sources {
        assets: vec!["img/team.png".into()],
        ..Sources::of_content(files)
    };
    crate::model::read(&sources).0
}

#[test]
fn the_map_holds_what_each_build_writes() {
    let site = SiteMap::of(&playbook(&[
        ("content/about/faq.md", "---\ntitle: FAQ\n---\n"),
        (
            "content/notes/idea.md",
            "---\ntitle: Idea\ndraft: true\n---\n",
        ),
        (
            "content/cohorts/next.md",
            "---\ntitle: Next\nkind: roster\ndraft: true\npeople:\n  - {id: a, name: A}\n  - {id: b, name: B}\npairs:\n  - {id: a-b, mentor: a, mentee: b}\n---\n",
        ),
    ]));
    let at = |path: &str| site.get(path).map(|a| (a.target, a.drafts_only));
    let page = |p| Some((Target::Page(p), false));
    assert_eq!(at(""), page(BuiltPage::Section(0)));
    assert_eq!(at("index.html"), at(""));
    assert_eq!(at("about/"), at("about/index.html"));
    assert!(matches!(
        at("about/faq/"),
        Some((Target::Page(BuiltPage::Content(_)), false))
    ));
    assert_eq!(at("about/faq/index.html"), at("about/faq/"));
    assert_eq!(at("about/faq"), None);
    assert_eq!(at("progress/"), page(BuiltPage::Progress));
    assert_eq!(at("404.html"), page(BuiltPage::NotFound));
    assert_eq!(at("print/"), page(BuiltPage::Print));
    for file in ["progress.csv", "progress.json", "goals.csv"] {
        assert_eq!(at(file), Some((Target::File, false)), "{file}");
    }
    assert_eq!(at("static/img/team.png"), Some((Target::File, false)));
    // Only --drafts builds the draft page, its folder's listing, the
    // draft roster's pair and the people only it declares.
    assert!(matches!(at("notes/idea/"), Some((_, true))));
    assert!(matches!(at("notes/"), Some((_, true))));
    assert_eq!(
        at("pairs/a-b/"),
        Some((Target::Page(BuiltPage::Pair(0)), true))
    );
    assert_eq!(at("pairs/a-b/sessions.ics"), Some((Target::File, true)));
    // A proposal has no cohort calendar, even with --drafts; the
    // program-wide calendar is split per cohort.
    assert_eq!(at("cohorts/next/sessions.ics"), None);
    assert_eq!(at("calendar.ics"), None);
    assert_eq!(at("people/"), Some((Target::Page(BuiltPage::People), true)));
    assert_eq!(
        at("people/initial/a/"),
        Some((Target::Page(BuiltPage::PeopleInitial(Some('A'), 0)), true))
    );
    assert_eq!(
        at("people/a/"),
        Some((Target::Page(BuiltPage::Person(0)), true))
    );
    // A proposal's people have no calendar of their own, even then.
    assert_eq!(at("people/a/sessions.ics"), None);
    assert_eq!(at("search/index.js"), None);
}
