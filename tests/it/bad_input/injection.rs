//! Values that would inject lines or formulas into calendars, CSV, URLs or Markdown.

use super::Case;

pub(super) fn cases() -> Vec<Case> {
    vec![]
}
