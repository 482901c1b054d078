//! Rules a program manager relies on: sessions and progress, reporting lines,
//! links that lead somewhere, one error per mistake.

mod links;
mod one_error;
mod reporting_line;
mod sessions;
