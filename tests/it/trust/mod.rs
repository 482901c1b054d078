//! Rules a program manager relies on: sessions and progress, reporting lines.

mod reporting_line;
mod sessions;
