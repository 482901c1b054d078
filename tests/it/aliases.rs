//! `aliases:`: a renamed page (or pair) keeps its old address working
//! through a redirect page; `check` refuses an alias that would overwrite
//! something; `diff` suggests one; and `sitemap.xml`, which lists the
//! public pages and never a redirect, a draft or a confidential detail.

use crate::support::{Doc, Site, command, copy_dir, fixture, read};
use std::path::Path;

const BASE: &str = "https://intranet.example/playbook";

/// The valid fixture with the guide's second step renamed (its old paths
/// kept as aliases), old ids for a pair and for a confidential pair, and a
/// draft that has an alias too.
fn renamed_site() -> Site {
    let site = Site::from_fixture("valid").as_of("2026-04-01");
    site.edit("content/guide/02-pair-people.md", |text| {
        text.replacen(
            "kind: step\n",
            "kind: step\naliases:\n  - launch/04-pair-people/\n  - guide/pair.md\n",
            1,
        )
    });
    site.edit("content/pairs/dana-and-farah.md", |text| {
        text.replacen("kind: pair\n", "kind: pair\naliases: [dana-farah]\n", 1)
    });
    site.edit("content/cohort.md", |text| {
        text.replacen(
            "    confidential: true\n",
            "    confidential: true\n    aliases: [ari-tomas-fixtureconfidentialtopic]\n",
            1,
        )
    });
    site.write(
        "content/notes/idea.md",
        "---\ntitle: FixtureDraftIdea\ndraft: true\naliases: [old-idea/]\n---\nNot yet.\n",
    );
    site
}

/// Where a redirect page sends the reader: its meta refresh's URL, which
/// must be its visible link too.
fn redirect_target(doc: &Doc) -> String {
    let refresh = doc.attrs("meta[http-equiv=refresh]", "content");
    assert_eq!(refresh.len(), 1, "one meta refresh");
    let url = refresh[0]
        .strip_prefix("0; url=")
        .expect("an immediate refresh")
        .to_string();
    assert_eq!(
        doc.attrs("body a[href]", "href"),
        std::slice::from_ref(&url),
        "visible link"
    );
    assert_eq!(doc.attrs("meta[name=robots]", "content"), ["noindex"]);
    url
}

#[test]
fn a_renamed_page_keeps_its_old_paths_working() {
    let built = renamed_site().arg("--base-url").arg(BASE).build();
    for (old, to) in [
        ("launch/04-pair-people/", "guide/02-pair-people/"),
        ("guide/pair/", "guide/02-pair-people/"),
        ("pairs/dana-farah/", "pairs/dana-and-farah/"),
    ] {
        let doc = built.doc(old);
        let url = redirect_target(&doc);
        // Relative, to the file itself: it works from disk as from a server.
        assert!(
            !url.contains(':') && url.ends_with("index.html"),
            "{old}: {url}"
        );
        let landed = built.path(old).join(&url);
        assert_eq!(
            std::fs::canonicalize(&landed).expect("the redirect's target exists"),
            std::fs::canonicalize(built.path(&format!("{to}index.html"))).expect("page"),
            "{old}"
        );
        assert_eq!(
            doc.attrs("link[rel=canonical]", "href"),
            [format!("{BASE}/{to}")],
            "{old}"
        );
    }
    assert!(
        built
            .doc("launch/04-pair-people/")
            .text("a")
            .contains("Pair people")
    );
    built.assert_internal_links_resolve();
    // Redirects are not pages: not in search or the sitemap.
    for file in built.files_containing("04-pair-people") {
        assert!(file.starts_with("launch/04-pair-people/"), "{file}");
    }
    // A draft's alias only with --drafts, like the draft.
    assert!(!built.path("old-idea/index.html").exists());
    let drafts = renamed_site().arg("--drafts").build();
    assert!(redirect_target(&drafts.doc("old-idea/")).ends_with("notes/idea/index.html"));
}

#[test]
fn a_confidential_pairs_old_ids_are_never_published() {
    let site = renamed_site();
    for built in [
        site.build(),
        site.arg("--drafts").arg("--base-url").arg(BASE).build(),
    ] {
        assert!(
            !built
                .path("pairs/ari-tomas-fixtureconfidentialtopic")
                .exists()
        );
        assert_eq!(
            built.files_containing("fixtureconfidentialtopic"),
            Vec::<String>::new()
        );
    }
    let github = github_check(&renamed_site());
    let line = github
        .iter()
        .find(|l| l.contains("title=bad-alias"))
        .expect("a warning for the withheld alias");
    assert!(
        line.starts_with("::warning file=content/cohort.md,line=23,col=15,"),
        "{line}"
    );
}

#[test]
fn sitemap_lists_every_public_page_and_nothing_else() {
    let site = renamed_site();
    assert!(
        !site.build().path("sitemap.xml").exists(),
        "no base_url, no sitemap"
    );
    let built = site.arg("--drafts").arg("--base-url").arg(BASE).build();
    let xml = read(&built.path("sitemap.xml"));
    let locs: Vec<&str> = xml
        .split("<loc>")
        .skip(1)
        .filter_map(|rest| rest.split_once("</loc>").map(|(loc, _)| loc))
        .collect();
    assert!(locs.len() > 10, "{xml}");
    for loc in &locs {
        let path = loc.strip_prefix(&format!("{BASE}/")).expect("absolute URL");
        let file = if path.is_empty() || path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path.to_string()
        };
        assert!(built.path(&file).is_file(), "{loc} is no built file");
        assert!(
            !read(&built.path(&file)).contains("http-equiv=\"refresh\""),
            "{loc} redirects"
        );
    }
    for page in [
        "",
        "guide/02-pair-people/",
        "pairs/dana-and-farah/",
        "progress/",
        "people/",
    ] {
        assert!(
            locs.contains(&format!("{BASE}/{page}").as_str()),
            "{page} missing"
        );
    }
    for absent in [
        "notes/",
        "idea",
        "old-idea",
        "404",
        "print/",
        "fixtureconfidential",
        "dana-farah/",
    ] {
        assert!(!xml.to_lowercase().contains(absent), "{absent} in {xml}");
    }
}

/// `check --format github`'s lines.
fn github_check(site: &Site) -> Vec<String> {
    let ran = site.run("check", ["--format", "github", "--as-of", "2026-04-01"]);
    ran.stdout().lines().map(String::from).collect()
}

#[test]
fn check_refuses_an_alias_that_would_overwrite_something() {
    let site = Site::from_fixture("valid");
    site.write(
        "content/moved.md",
        "---\ntitle: Moved\naliases:\n  - guide/03-review/\n  - progress/\n  - Old-Place/\n  - progress.csv/\n  - ../x\n  - https://example.com/\n---\n",
    );
    site.write(
        "content/other.md",
        "---\ntitle: Other\naliases: [old-place/]\n---\nSee [the old place](../Old-Place/).\n",
    );
    let lines = github_check(&site);
    let at = |line: usize, col: usize, code: &str| {
        lines
            .iter()
            .find(|l| {
                l.contains(&format!("line={line},col={col},"))
                    && l.contains(&format!("title={code}::"))
            })
            .unwrap_or_else(|| panic!("nothing at {line}:{col} [{code}] in {lines:#?}"))
            .clone()
    };
    assert!(at(4, 5, "duplicate-url").contains("the page content/guide/03-review.md"));
    assert!(at(5, 5, "duplicate-url").contains("a page mentorbook generates"));
    assert!(at(7, 5, "duplicate-url").contains("progress.csv"));
    assert!(at(8, 5, "bad-alias").contains("`..`"));
    assert!(at(9, 5, "bad-alias").contains("scheme"));
    // The second of two aliases macOS and Windows take for one folder.
    let both = lines
        .iter()
        .filter(|l| l.contains("old-place/") || l.contains("Old-Place/"))
        .filter(|l| l.contains("title=duplicate-url"))
        .count();
    assert_eq!(both, 1, "{lines:#?}");
    // A link to an alias works, but is better written to the page itself.
    let link = lines
        .iter()
        .find(|l| l.contains("title=link-to-alias"))
        .expect("link to an alias");
    assert!(link.contains("file=content/other.md,line=5,col="), "{link}");
    assert!(link.contains("`moved.md`"), "{link}");
}

/// `mentorbook diff` from `base` to `head`.
fn diff(base: &Path, head: &Path) -> String {
    let mut diff = command(["diff"]);
    diff.arg(base).arg(head).args(["--as-of", "2026-04-01"]);
    crate::support::Ran::of(diff).expect_success().stdout()
}

#[test]
fn diff_suggests_an_alias_for_a_renamed_or_removed_page() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (base, head) = (tmp.path().join("base"), tmp.path().join("head"));
    copy_dir(&fixture("diff/base"), &base);
    copy_dir(&fixture("diff/base"), &head);
    let guide = head.join("content/guide");
    std::fs::rename(guide.join("02-pair-people.md"), guide.join("02-match.md")).expect("rename");
    std::fs::remove_file(guide.join("03-review.md")).expect("remove");
    let first = guide.join("01-define-goals.md");
    crate::support::write(
        &first,
        read(&first).replace("02-pair-people.md", "02-match.md"),
    );
    let summary = diff(&base, &head);
    assert!(
        summary.contains(
            r"- **Keep old links:** add aliases\: \[guide/02-pair-people/\] to content/guide/02-match\.md so old links keep working"
        ),
        "{summary}"
    );
    assert!(
        summary.contains(
            r"- **Keep old links:** guide/03-review/ is gone; add aliases\: \[guide/03-review/\]"
        ),
        "{summary}"
    );
    // Once the alias is there, nothing more to suggest for it.
    let step = guide.join("02-match.md");
    let text = read(&step).replacen("---\n", "---\naliases: [guide/02-pair-people/]\n", 1);
    crate::support::write(&step, text);
    assert!(!diff(&base, &head).contains("add aliases\\: \\[guide/02"));
}
