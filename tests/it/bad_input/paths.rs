//! Ids that would become paths outside the site, links that leave it.

use super::Case;

pub(super) fn cases() -> Vec<Case> {
    vec![]
}
