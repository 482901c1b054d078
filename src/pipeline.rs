//! The stages wired together, for the commands.

use crate::check;
use crate::diagnostic::{self, Diagnostic, Severity};
use crate::model::{self, Playbook};
use crate::progress::Progress;
use crate::render::{self, MemorySink, OutputFile, Plan, Rendered, Theme};
use crate::source::load::{self, Sources};
use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

mod build;
pub use build::build;

/// A site read, modelled and checked.
pub struct Checked {
    pub timings: Timings,
    pub sources: Sources,
    pub playbook: Playbook,
    /// Sorted: errors first, each group by file and line.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    pub fn has_errors(&self) -> bool {
        diagnostic::count(&self.diagnostics, Severity::Error) > 0
    }

    /// With the warnings that depend on the date checked for
    /// (`check::as_of`: sessions left `planned`, pairs past their end).
    pub fn as_of(mut self, as_of: chrono::NaiveDate) -> Checked {
        self.diagnostics.extend(check::as_of(&self.playbook, as_of));
        diagnostic::sort(&mut self.diagnostics);
        self
    }
}

/// `Err` only when the site cannot be read at all (exit code 2).
pub fn load_and_check(root: &Path) -> Result<Checked, String> {
    load_unchecked(root).map(check_now)
}

/// The site read and modelled, with only the problems found while reading:
/// `check_now` adds the cross-file rules.
fn load_unchecked(root: &Path) -> Result<Checked, String> {
    load_read_by(root, model::read)
}

fn load_read_by(
    root: &Path,
    read: impl FnOnce(&Sources) -> (Playbook, Vec<Diagnostic>),
) -> Result<Checked, String> {
    let mut timings = Timings::start();
    let loaded = load::load(root)?;
    timings.lap("load");
    Ok(model(loaded, read, timings))
}

/// `load_and_check` for `serve`: `load` reads the site (`load::load_with`
/// reads only what changed), and only files whose text changed since
/// `reads` was filled are parsed again.
pub fn load_and_check_with(
    load: impl FnOnce() -> Result<(Sources, Vec<Diagnostic>), String>,
    reads: &mut model::ReadCache,
) -> Result<Checked, String> {
    load_unchecked_with(load, reads).map(check_now)
}

/// `load_and_check_with` but for the cross-file rules: `serve` shows an
/// edit's pages first and checks after (`check::check`), keeping the last
/// good site if that finds errors. Only the problems found while reading
/// are in `diagnostics`.
pub fn load_unchecked_with(
    load: impl FnOnce() -> Result<(Sources, Vec<Diagnostic>), String>,
    reads: &mut model::ReadCache,
) -> Result<Checked, String> {
    let mut timings = Timings::start();
    let loaded = load()?;
    timings.lap("load");
    Ok(model(
        loaded,
        |sources| model::read_cached(sources, reads),
        timings,
    ))
}

/// The cross-file rules over a site read by `load_unchecked_with`.
pub fn check_now(mut checked: Checked) -> Checked {
    checked.diagnostics.extend(check::check(&checked.playbook));
    diagnostic::sort(&mut checked.diagnostics);
    checked.timings.lap("check");
    checked
}

fn model(
    (sources, mut diagnostics): (Sources, Vec<Diagnostic>),
    read: impl FnOnce(&Sources) -> (Playbook, Vec<Diagnostic>),
    mut timings: Timings,
) -> Checked {
    let (playbook, read_diagnostics) = read(&sources);
    timings.lap("model");
    diagnostics.extend(read_diagnostics);
    Checked {
        timings,
        sources,
        playbook,
        diagnostics,
    }
}

/// How long each stage took, for `MENTORBOOK_TIMINGS=1` (profiling a
/// slow site without a profiler); the commands print them.
#[derive(Debug, Clone, Default)]
pub struct Timings {
    pub laps: Vec<(&'static str, Duration)>,
    last: Option<Instant>,
}

impl Timings {
    fn start() -> Timings {
        Timings {
            laps: Vec::new(),
            last: Some(Instant::now()),
        }
    }

    /// Records the time since the last lap (or the start) as `stage`.
    fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        let since = self.last.map_or(Duration::ZERO, |last| now - last);
        self.laps.push((stage, since));
        self.last = Some(now);
    }
}

/// What `build` needs besides the site folder.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub out: std::path::PathBuf,
    pub render: render::Options,
    /// Overrides `base_url` from playbook.yaml.
    pub base_url: Option<String>,
}

pub struct Built {
    pub checked: Checked,
    /// Pages and other files written; zero when the build failed.
    pub files: usize,
    /// What render made besides the files (each page's record and search
    /// entry) and the progress it showed: handed back rather than freed
    /// inside `build`, so that a caller about to exit need not free them
    /// (`commands::build`).
    pub rendered: render::Rendered,
    pub progress: crate::progress::Progress,
}

pub enum BuildError {
    /// The site cannot be read at all, or the output cannot be written.
    Io(String),
    /// Problems in the content or the templates; the diagnostics are in
    /// `Checked` and the previous output is untouched.
    Invalid(Box<Checked>),
}

/// `Err` when the site has errors.
fn ready_to_render(mut checked: Checked, base_url: Option<&str>) -> Result<Checked, BuildError> {
    if let Some(base_url) = base_url {
        checked.playbook.config.base_url = base_url.to_string();
    }
    if checked.has_errors() {
        return Err(BuildError::Invalid(Box::new(checked)));
    }
    Ok(checked)
}

/// Reads the theme's files and parses them, reusing the templates of
/// `previous` when they did not change; with the warnings of reading them.
fn theme(
    root: &Path,
    messages: &crate::i18n::Messages,
    previous: Option<&Rendered>,
) -> Result<(Theme, Vec<Diagnostic>), Vec<Diagnostic>> {
    let (files, warnings) = crate::source::theme::read(root)?;
    let theme = render::compile_theme(files, messages, previous.and_then(|p| p.theme.as_ref()))?;
    Ok((theme, warnings))
}

/// The theme `theme` compiled, its warnings added to `checked`'s; its
/// errors fail the build.
fn with_theme(
    checked: Checked,
    compiled: Result<(Theme, Vec<Diagnostic>), Vec<Diagnostic>>,
) -> Result<(Checked, Theme), BuildError> {
    let (mut checked, (theme, warnings)) = with_render_diagnostics(checked, compiled)?;
    if !warnings.is_empty() {
        checked.diagnostics.extend(warnings);
        diagnostic::sort(&mut checked.diagnostics);
    }
    Ok((checked, theme))
}

/// What render takes besides the playbook: the theme (reusing the
/// templates of `previous` when they did not change) and the progress.
fn theme_and_progress(
    checked: Checked,
    root: &Path,
    as_of: chrono::NaiveDate,
    previous: Option<&Rendered>,
) -> Result<(Checked, Theme, Progress), BuildError> {
    let compiled = theme(root, &checked.playbook.messages, previous);
    let (mut checked, theme) = with_theme(checked, compiled)?;
    checked.timings.lap("theme");
    let progress = Progress::of(&checked.playbook, as_of);
    checked.timings.lap("progress");
    Ok((checked, theme, progress))
}

/// Each source file's last change, when the site shows it.
fn history(
    checked: &mut Checked,
    root: &Path,
    as_of: chrono::NaiveDate,
) -> HashMap<String, chrono::NaiveDate> {
    let updated = history_of(&checked.playbook, root, as_of);
    checked.timings.lap("history");
    updated
}

fn history_of(
    playbook: &Playbook,
    root: &Path,
    as_of: chrono::NaiveDate,
) -> HashMap<String, chrono::NaiveDate> {
    if playbook.config.last_updated {
        crate::source::history::last_updated(root, as_of)
    } else {
        HashMap::new()
    }
}

fn with_render_diagnostics<T>(
    checked: Checked,
    rendered: Result<T, Vec<Diagnostic>>,
) -> Result<(Checked, T), BuildError> {
    match rendered {
        Ok(value) => Ok((checked, value)),
        Err(diagnostics) => {
            let mut checked = checked;
            checked.diagnostics.extend(diagnostics);
            diagnostic::sort(&mut checked.diagnostics);
            Err(BuildError::Invalid(Box::new(checked)))
        }
    }
}

/// A site rendered into memory (what `serve` serves).
pub struct InMemory {
    pub checked: Checked,
    pub files: Vec<OutputFile>,
    pub rendered: Rendered,
    /// Only the pages the plan named were rendered (and no search index):
    /// the other files are those of the previous render.
    pub partial: bool,
}

/// Read, check and render a site into memory: what a first build in
/// `serve` (and a test) makes.
pub fn render_site(root: &Path, options: &render::Options) -> Result<InMemory, BuildError> {
    let checked = load_and_check(root).map_err(BuildError::Io)?;
    render_in_memory(checked, root, options, None, &Plan::Everything)
}

/// Renders a site already read and checked into memory: only the pages
/// `plan` names when `previous` allows it (see `render::rerender`), else
/// every page, reusing what it can of `previous`.
pub fn render_in_memory(
    checked: Checked,
    root: &Path,
    options: &render::Options,
    previous: Option<&Rendered>,
    plan: &Plan,
) -> Result<InMemory, BuildError> {
    let checked = ready_to_render(checked.as_of(options.as_of), None)?;
    let (mut checked, theme, progress) =
        theme_and_progress(checked, root, options.as_of, previous)?;
    if let Some(previous) = previous.filter(|_| *plan != Plan::Everything) {
        let sink = MemorySink::default();
        let rendered = render::rerender(
            &checked.playbook,
            &progress,
            theme.clone(),
            options,
            previous,
            plan,
            &sink,
        );
        checked.timings.lap("rerender");
        let (unchanged, rendered) = with_render_diagnostics(checked, rendered)?;
        checked = unchanged;
        if let Some(rendered) = rendered {
            return Ok(InMemory {
                checked,
                files: sink.into_files(),
                rendered,
                partial: true,
            });
        }
    }
    let sink = MemorySink::default();
    let updated = history(&mut checked, root, options.as_of);
    let rendered = render::render(
        &checked.playbook,
        &progress,
        theme,
        updated,
        options,
        &sink,
        previous.is_some(),
    );
    checked.timings.lap("render");
    let (checked, rendered) = with_render_diagnostics(checked, rendered)?;
    Ok(InMemory {
        checked,
        files: sink.into_files(),
        rendered,
        partial: false,
    })
}
