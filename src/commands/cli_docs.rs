//! `mentorbook completions SHELL` and `mentorbook man`: shell completions
//! and manual pages made from the command line's own definition (clap's
//! generators), at run time, so they always describe the binary installed
//! (`cargo install` runs no install step that could write them).

use super::{print, usage_error};
use std::path::Path;
use std::process::ExitCode;

/// Prints the completion script of `shell` for `cli`.
pub fn completions(shell: clap_complete::Shell, mut cli: clap::Command) -> ExitCode {
    let name = cli.get_name().to_string();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cli, name, &mut script);
    print(&script)
}

/// Prints `cli`'s manual page (roff), or with `out` writes one page per
/// command into that folder (`mentorbook.1`, `mentorbook-build.1`, ...).
pub fn man(cli: clap::Command, out: Option<&Path>) -> ExitCode {
    let Some(out) = out else {
        let mut page = Vec::new();
        return match clap_mangen::Man::new(cli).render(&mut page) {
            Ok(()) => print(&page),
            Err(e) => usage_error(format!("cannot write the manual page: {e}")),
        };
    };
    let written = std::fs::create_dir_all(out).and_then(|()| clap_mangen::generate_to(cli, out));
    match written {
        Ok(()) => {
            println!("Wrote the manual pages to {}.", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => usage_error(format!(
            "cannot write the manual pages to {}: {e}",
            out.display()
        )),
    }
}
