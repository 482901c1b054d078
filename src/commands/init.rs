//! `mentorbook init`: a small working program to start from.

use super::{today, usage_error};
use std::path::Path;
use std::process::ExitCode;

pub fn run(dir: &Path) -> ExitCode {
    match crate::init::init(dir, today()) {
        Ok(files) => {
            println!(
                "Created a playbook in {} ({} files).",
                dir.display(),
                files.len()
            );
            println!(
                "Next: mentorbook check {0} && mentorbook build {0}",
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(message) => usage_error(message),
    }
}
