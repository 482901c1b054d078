//! Input whose size or depth would crash or stall the tool.

use super::Case;

pub(super) fn cases() -> Vec<Case> {
    vec![]
}
