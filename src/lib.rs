//! mentorbook: a static site generator for mentoring-program playbooks.
//!
//! The pipeline, one module per stage:
//! `load` (files, front matter) -> `model` (typed playbook) -> `check`
//! (rules) -> `progress` (as of a date) -> render -> write.

pub mod check;
pub mod commands;
pub mod config;
pub mod csv_rows;
pub mod diagnostic;
pub mod diff;
pub mod fields;
pub mod history;
pub mod init;
pub mod load;
pub mod markdown;
pub mod matching;
pub mod model;
pub mod pipeline;
pub mod progress;
pub mod render;
pub mod serve;
pub mod write;
pub mod yaml;
