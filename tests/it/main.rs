//! The integration tests, one binary: a module per area, and `support` for
//! running the real `mentorbook` binary on sites copied into temporary
//! folders (`Site::from_fixture("valid").as_of(..).build().page(..)`).
//!
//! Run one area with `cargo test --test it build_site::`. The library calls
//! (as opposed to runs of the binary) are in bad_input, build_site,
//! check_fixtures, exports, matching and serve_incremental.

mod support;

mod aliases;
mod authoring;
mod bad_input;
mod build_site;
mod check_fixtures;
mod ci_recipes;
mod cli_check;
mod cli_docs;
mod content_originality;
mod diff;
mod escaping;
mod examples;
mod exports;
mod goals_over_time;
mod history;
mod init;
mod languages;
mod light_pages;
mod matching;
mod name_order;
mod next_meeting;
mod one_parse;
mod people;
mod print_page;
mod programs;
mod programs_by_id;
mod search_fold;
mod search_index;
mod security;
mod serve;
mod serve_incremental;
mod serve_incremental_attention;
mod serve_incremental_edges;
mod serve_incremental_people;
mod surveys;
mod translated_sites;
mod trust;
