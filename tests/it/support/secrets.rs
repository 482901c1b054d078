//! The fixture site with a secret of every kind, each marked with a word
//! no output may hold: a confidential pair's topics, goals, session notes
//! and its own file's description, body and headings; a `private:` key of a
//! pair and of a person; an email shown only with `people.show_emails`.
//! A page, export or index that reads a pair around `Pair::public` (or a
//! person around the people rules) leaks one of them.

use super::Site;

/// One-word markers (the search index splits words at hyphens), as
/// `Built::files_containing` looks for them.
pub const SECRETS: &[&str] = &["FixturePrivate", "FixtureConfidential", "ari@example.org"];

/// `tests/fixtures/valid` as of 2026-04-01, with the confidential pair's
/// own file added (a folder's `_index.md`, which must not make it describe
/// the folder either).
pub fn site_with_secrets() -> Site {
    let site = Site::from_fixture("valid").as_of("2026-04-01");
    site.write(
        "content/secret/page.md",
        "---\ntitle: Beside the pair file\n---\nA page.\n",
    );
    site.write(
        "content/secret/_index.md",
        "---\nkind: pair\nid: ari-and-tomas\ntitle: Ari and Tomás\n\
         description: FixtureConfidentialDescription\n---\n\
         FixtureConfidentialBody: what they talk about stays between them.\n\n\
         ## FixtureConfidentialHeading\n",
    );
    let sources = site.read("content/cohort.md") + &site.read("content/secret/_index.md");
    for part in ["Topic", "Goal", "Note", "Description", "Body", "Heading"] {
        assert!(
            sources.contains(&format!("FixtureConfidential{part}")),
            "{part}"
        );
    }
    site
}
