//! `mentorbook serve`: the preview server (`crate::serve`) for a site
//! folder.

use super::usage_error;
use crate::render;
use chrono::NaiveDate;
use std::process::ExitCode;

/// What `serve` takes from the command line.
pub struct Args {
    pub dir: std::path::PathBuf,
    pub bind: String,
    pub port: u16,
    pub open: bool,
    pub as_of: Option<NaiveDate>,
    pub drafts: bool,
}

pub fn run(args: Args) -> ExitCode {
    if !args.dir.join("content").is_dir() {
        let dir = args.dir.display();
        return usage_error(format!(
            "{dir} has no content/ folder; run `mentorbook init {dir}` to start a playbook"
        ));
    }
    let as_of = match super::as_of(args.as_of) {
        Ok(date) => date,
        Err(code) => return code,
    };
    let options = crate::serve::Options {
        root: args.dir,
        bind: args.bind,
        port: args.port,
        open: args.open,
        render: render::Options {
            as_of,
            drafts: args.drafts,
        },
    };
    match crate::serve::run(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => usage_error(message),
    }
}
