//! Letters as readers type and sort them: `fold` (what search matches,
//! the rule themes/default/static/search.js repeats) and `collate` (the
//! order of names by the site's language). A leaf: it uses no other module.

pub mod collate;
pub mod fold;

pub use collate::{Collation, SortKey};
pub use fold::{fold, umlauts_as_e};
