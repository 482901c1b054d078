//! Markdown and HTML that would run script or restyle the page.

use super::Case;

pub(super) fn cases() -> Vec<Case> {
    vec![]
}
