//! Rules a program manager relies on: sessions and progress, reporting lines,
//! one error per mistake, paths CI can follow, a `diff` that refuses broken
//! versions, links that lead somewhere (raw HTML's too).

mod links;
mod one_error;
mod paths_and_diff;
mod raw_html_links;
mod reporting_line;
mod sessions;
