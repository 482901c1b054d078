//! `mentorbook init`: a small working program to start from.

use super::{print, today, usage_error};
use std::fmt::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(dir: &Path) -> ExitCode {
    let written = match crate::init::init(dir, today()) {
        Ok(written) => written,
        Err(message) => return usage_error(message),
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Created a playbook in {} ({} files, a .gitignore for the built site and a CI workflow).",
        dir.display(),
        written.files.len()
    );
    for kept in &written.kept {
        let _ = writeln!(out, "Kept {} as it was.", kept.display());
    }
    let public = dir.join("public");
    let dir = dir.display();
    let _ = writeln!(out, "Next:");
    let _ = writeln!(
        out,
        "  mentorbook serve {dir}   preview it at http://127.0.0.1:1111/ as you edit"
    );
    let _ = writeln!(
        out,
        "  mentorbook check {dir}   list every problem at file:line:col"
    );
    let _ = writeln!(
        out,
        "  mentorbook build {dir}   write the site to {}, for a web server or file share",
        public.display()
    );
    let _ = writeln!(
        out,
        "The CI workflow (.github/workflows/playbook.yml) installs mentorbook from the \
         repository variables MENTORBOOK_GIT and MENTORBOOK_REV: set them before the first run."
    );
    // The files are written: a closed pipe is no failure.
    print(out.as_bytes())
}
