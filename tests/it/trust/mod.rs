//! Rules a program manager relies on: sessions and progress, reporting lines,
//! links that lead somewhere.

mod links;
mod reporting_line;
mod sessions;
