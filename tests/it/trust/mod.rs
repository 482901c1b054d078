//! Rules a program manager relies on: sessions and progress, reporting lines.

mod sessions;
mod reporting_line;
