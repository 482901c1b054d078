//! `mentorbook init`: a small working program to start from.

use super::{today, usage_error};
use std::path::Path;
use std::process::ExitCode;

pub fn run(dir: &Path) -> ExitCode {
    match crate::init::init(dir, today()) {
        Ok(written) => {
            println!(
                "Created a playbook in {} ({} files, a .gitignore for the built site and a CI workflow).",
                dir.display(),
                written.files.len()
            );
            for kept in &written.kept {
                println!("Kept {} as it was.", kept.display());
            }
            let public = dir.join("public");
            let dir = dir.display();
            println!("Next:");
            println!("  mentorbook serve {dir}   preview it at http://127.0.0.1:1111/ as you edit");
            println!("  mentorbook check {dir}   list every problem at file:line:col");
            println!(
                "  mentorbook build {dir}   write the site to {}, for a web server or file share",
                public.display()
            );
            println!(
                "The CI workflow (.github/workflows/playbook.yml) installs mentorbook from the \
                 repository variables MENTORBOOK_GIT and MENTORBOOK_REV: set them before the first run."
            );
            ExitCode::SUCCESS
        }
        Err(message) => usage_error(message),
    }
}
