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

/// What `build` needs besides the site folder.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub out: std::path::PathBuf,
    pub render: crate::render::Options,
    /// Overrides `base_url` from playbook.yaml.
    pub base_url: Option<String>,
}

pub struct Built {
    pub checked: Checked,
    /// Pages and other files written; zero when the build failed.
    pub files: usize,
}

pub enum BuildError {
    /// The site cannot be read at all, or the output cannot be written.
    Io(String),
    /// Problems in the content or the templates; the diagnostics are in
    /// `Checked` and the previous output is untouched.
    Invalid(Box<Checked>),
}

/// Read, check and render, keeping the files in memory (what `serve`
/// serves). `base_url` overrides playbook.yaml's.
pub fn render_site(
    root: &Path,
    options: &crate::render::Options,
    base_url: Option<&str>,
) -> Result<(Checked, Vec<crate::render::OutputFile>), BuildError> {
    let mut checked = load_and_check(root).map_err(BuildError::Io)?;
    if let Some(base_url) = base_url {
        checked.playbook.config.base_url = base_url.to_string();
    }
    if checked.has_errors() {
        return Err(BuildError::Invalid(Box::new(checked)));
    }
    match crate::render::render(&checked.playbook, root, options) {
        Ok(files) => Ok((checked, files)),
        Err(diagnostics) => {
            checked.diagnostics.extend(diagnostics);
            diagnostic::sort(&mut checked.diagnostics);
            Err(BuildError::Invalid(Box::new(checked)))
        }
    }
}

/// Read, check, render and write. Nothing is written unless every stage
/// succeeds.
pub fn build(root: &Path, options: &BuildOptions) -> Result<Built, BuildError> {
    let (checked, files) = render_site(root, &options.render, options.base_url.as_deref())?;
    crate::write::write_site(&files, &options.out).map_err(BuildError::Io)?;
    Ok(Built {
        checked,
        files: files.len(),
    })
}
