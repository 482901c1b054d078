//! What a search result is, as one letter of its page row.

use crate::model::Kind;

/// What a result is: a content page of a kind, a pair or a person.
pub enum Found<'a> {
    Content(&'a Kind),
    Pair,
    Person,
}

/// One letter in the page row: search.js's `KINDS` turns it back into the
/// label a result shows, so the two lists change together.
pub(super) fn kind_code(found: &Found) -> &'static str {
    match found {
        Found::Pair => "m",
        Found::Person => "u",
        // A surveys page is found by its prose, as a plain page is.
        Found::Content(Kind::Page | Kind::Surveys(_)) => "p",
        Found::Content(Kind::Goals(_)) => "g",
        Found::Content(Kind::Guide) => "d",
        Found::Content(Kind::Step(_)) => "s",
        Found::Content(Kind::Session(_)) => "t",
        Found::Content(Kind::Roster(_)) => "r",
        Found::Content(Kind::Pair(_)) => "m",
    }
}
