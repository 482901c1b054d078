//! Who may mentor whom across the reporting line.
