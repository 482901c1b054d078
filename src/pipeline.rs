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
    let timer = Timer::start();
    let (sources, mut diagnostics) = load::load(root)?;
    timer.lap("load");
    let (playbook, read_diagnostics) = model::read(&sources);
    timer.lap("model");
    diagnostics.extend(read_diagnostics);
    diagnostics.extend(check::check(&playbook));
    diagnostic::sort(&mut diagnostics);
    timer.lap("check");
    Ok(Checked {
        sources,
        playbook,
        diagnostics,
    })
}

/// Stage timings on stderr when `MENTORBOOK_TIMINGS` is set, for profiling
/// a slow site without a profiler.
pub struct Timer {
    started: Option<std::time::Instant>,
    last: std::cell::Cell<Option<std::time::Instant>>,
}

impl Timer {
    pub fn start() -> Timer {
        let now = std::env::var_os("MENTORBOOK_TIMINGS").map(|_| std::time::Instant::now());
        Timer {
            started: now,
            last: std::cell::Cell::new(now),
        }
    }

    pub fn lap(&self, stage: &str) {
        if let (Some(started), Some(last)) = (self.started, self.last.get()) {
            let now = std::time::Instant::now();
            eprintln!(
                "timing: {stage:<8} {:>7.1} ms (total {:>7.1} ms)",
                (now - last).as_secs_f64() * 1000.0,
                (now - started).as_secs_f64() * 1000.0
            );
            self.last.set(Some(now));
        }
    }
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

/// Read and check; `Err` when the site has errors.
fn checked_for_render(root: &Path, base_url: Option<&str>) -> Result<Checked, BuildError> {
    let mut checked = load_and_check(root).map_err(BuildError::Io)?;
    if let Some(base_url) = base_url {
        checked.playbook.config.base_url = base_url.to_string();
    }
    if checked.has_errors() {
        return Err(BuildError::Invalid(Box::new(checked)));
    }
    Ok(checked)
}

fn render_into(
    checked: Checked,
    root: &Path,
    options: &crate::render::Options,
    sink: &dyn crate::render::Sink,
) -> Result<(Checked, usize), BuildError> {
    let timer = Timer::start();
    let rendered = crate::render::render(&checked.playbook, root, options, sink);
    timer.lap("render");
    match rendered {
        Ok(count) => Ok((checked, count)),
        Err(diagnostics) => {
            let mut checked = checked;
            checked.diagnostics.extend(diagnostics);
            diagnostic::sort(&mut checked.diagnostics);
            Err(BuildError::Invalid(Box::new(checked)))
        }
    }
}

/// Read, check and render, keeping the files in memory (what `serve`
/// serves). `base_url` overrides playbook.yaml's.
pub fn render_site(
    root: &Path,
    options: &crate::render::Options,
    base_url: Option<&str>,
) -> Result<(Checked, Vec<crate::render::OutputFile>), BuildError> {
    let checked = checked_for_render(root, base_url)?;
    let sink = crate::render::MemorySink::default();
    let (checked, _) = render_into(checked, root, options, &sink)?;
    Ok((checked, sink.into_files()))
}

/// Read, check, render and write. Pages go to a staging folder as they are
/// rendered; it replaces the output only when every stage succeeded.
pub fn build(root: &Path, options: &BuildOptions) -> Result<Built, BuildError> {
    let checked = checked_for_render(root, options.base_url.as_deref())?;
    let staging = crate::write::Staging::new(&options.out).map_err(BuildError::Io)?;
    let (checked, files) = render_into(checked, root, &options.render, &staging)?;
    let timer = Timer::start();
    staging.commit().map_err(BuildError::Io)?;
    timer.lap("commit");
    Ok(Built { checked, files })
}
