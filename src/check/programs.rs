//! A site with programs: what belongs to a program (rosters, pair files,
//! goals pages) must sit in a program's folder, as a pair's program, its
//! dashboard and its goals' figures all come from where its files are.
//! A site without `programs:` is one program and has nothing to check.

use super::page_span;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Kind, Playbook};

pub(super) fn outside_programs(playbook: &Playbook, out: &mut Vec<Diagnostic>) {
    if !playbook.has_programs() {
        return;
    }
    for page in playbook.pages.iter().filter(|p| p.program.is_none()) {
        let what = match page.kind {
            Kind::Roster(_) => "a roster",
            Kind::Pair(_) => "a pair file",
            Kind::Goals(_) => "a goals page",
            _ => continue,
        };
        out.push(
            Diagnostic::error(
                Code::OutsideProgram,
                page_span(page),
                format!("{what} must be in a program's folder: this site lists `programs:`"),
            )
            .with_hint(format!(
                "move it into one of {}, the folder of the program it belongs to",
                playbook.program_folders()
            )),
        );
    }
}
