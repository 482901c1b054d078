//! The stages wired together, for the commands.

use crate::check;
use crate::diagnostic::{self, Diagnostic, Severity};
use crate::load::{self, Sources};
use crate::model::{self, Playbook};
use std::path::Path;

/// A site read, modelled and checked.
pub struct Checked {
    pub sources: Sources,
    pub playbook: Playbook,
    /// Sorted: errors first, each group by file and line.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    pub fn has_errors(&self) -> bool {
        diagnostic::count(&self.diagnostics, Severity::Error) > 0
    }
}

/// `Err` only when the site cannot be read at all (exit code 2).
pub fn load_and_check(root: &Path) -> Result<Checked, String> {
    let (sources, mut diagnostics) = load::load(root)?;
    let (playbook, read_diagnostics) = model::read(&sources);
    diagnostics.extend(read_diagnostics);
    diagnostics.extend(check::check(&playbook));
    diagnostic::sort(&mut diagnostics);
    Ok(Checked {
        sources,
        playbook,
        diagnostics,
    })
}
