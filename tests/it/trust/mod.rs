//! Rules a program manager relies on: sessions and progress, reporting lines,
//! one error per mistake.

mod one_error;
mod reporting_line;
mod sessions;
