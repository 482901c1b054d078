//! Letters as readers type and sort them: `fold` (what search matches,
//! the rule themes/default/static/search.js repeats) and `collate` (the
//! order of names by the site's language), and the base language of a
//! `language:` tag. A leaf: it uses no other module.

pub mod collate;
pub mod fold;

pub use collate::{Collation, SortKey};

/// The language of a BCP 47 tag without its region or script: `de` of
/// `de-AT`, `pl` of `pl_PL` (as some tools write it). The one reading of
/// `language:` that catalogues, number formats and name order share.
pub fn base_language(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or_default()
}
pub use fold::{fold, umlauts_as_e};
