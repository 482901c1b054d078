//! The site as served: the last good build in memory, the current build
//! error (if any), and a version that live-reload clients follow. Requests
//! that arrive during a rebuild wait for it, so a reload never lands on a
//! missing or stale page.

use super::incremental::Basis;
pub use super::outcome::Snapshot;
use super::outcome::{Memory, Outcome, built, failed};
use crate::commands::shown_paths::ShownPaths;
use crate::diagnostic::{Diagnostic, Format};
use crate::model::Playbook;
use crate::pipeline::{self, BuildError, InMemory};
use crate::progress::Progress;
use crate::render;
use crate::render::{OutputFile, Plan};
use crate::source::load::{self, Sources};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::time::{Duration, Instant};

pub struct LiveSite {
    pub root: PathBuf,
    pub options: render::Options,
    /// How diagnostics' paths are printed (from the folder `serve` runs in).
    shown: ShownPaths,
    snapshot: RwLock<Arc<Snapshot>>,
    /// (building, version), with a condition variable for waiters.
    state: Mutex<(bool, u64)>,
    changed: Condvar,
    memory: Mutex<Memory>,
}

/// The latest sources with `paths` read again; `None` when one of them is
/// not a known content file (or cannot be read), so the site must be
/// walked again.
fn reread(
    root: &Path,
    (latest, diagnostics): &(Sources, Vec<Diagnostic>),
    paths: &[PathBuf],
) -> Option<(Sources, Vec<Diagnostic>)> {
    let mut sources = latest.clone();
    for path in paths {
        let rel = load::relative(root, path);
        let at = sources
            .content
            .binary_search_by(|f| f.path.as_str().cmp(&rel))
            .ok()?;
        let mut problems = Vec::new();
        sources.content[at] = load::read(root, path, &mut problems)?;
    }
    Some((sources, diagnostics.clone()))
}

/// How a rebuild was made.
#[derive(Default)]
struct How {
    /// Only pages were rendered after a data edit: the exports and
    /// calendars are to follow.
    data: bool,
    /// Rendered before `check`, which is then to run.
    unchecked: bool,
}

impl LiveSite {
    pub fn new(root: &Path, options: render::Options) -> LiveSite {
        LiveSite {
            root: root.to_path_buf(),
            options,
            shown: ShownPaths::default(),
            snapshot: RwLock::new(Arc::new(Snapshot::default())),
            state: Mutex::new((false, 0)),
            changed: Condvar::new(),
            memory: Mutex::new(Memory::default()),
        }
    }

    /// The site with its diagnostics printed by `shown`'s paths (by
    /// site-relative paths without it).
    pub fn showing_paths(mut self, shown: ShownPaths) -> LiveSite {
        self.shown = shown;
        self
    }

    pub fn current(&self) -> Arc<Snapshot> {
        match self.snapshot.read() {
            Ok(guard) => Arc::clone(&guard),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    pub fn version(&self) -> u64 {
        self.state.lock().map_or(0, |s| s.1)
    }

    /// Marks a rebuild as under way: requests wait from now on.
    pub fn begin(&self) {
        if let Ok(mut state) = self.state.lock() {
            state.0 = true;
        }
    }

    /// Builds the site into memory and publishes it; on failure keeps the
    /// last good files and publishes the error instead. When only Markdown
    /// bodies changed since the last good build, renders only their pages.
    pub fn rebuild(&self) -> Outcome {
        self.rebuild_after(None)
    }

    /// Whether the content files at `paths` hold what the last rebuild
    /// read from them: a save seen as two bursts of events (a truncation,
    /// then the write, further apart than the debounce) was already
    /// rebuilt whole by the first, and a second rebuild that finds nothing
    /// changed would render the whole site.
    pub fn unchanged(&self, paths: &[PathBuf]) -> bool {
        let memory = match self.memory.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        };
        let Some((latest, _)) = &memory.latest else {
            return false;
        };
        paths.iter().all(|path| {
            let rel = load::relative(&self.root, path);
            let known = latest
                .content
                .binary_search_by(|f| f.path.as_str().cmp(&rel))
                .ok()
                .map(|at| &latest.content[at].text);
            // As the load reads it (no byte-order mark, `\n` line ends), or
            // a file saved from Windows would never compare equal.
            let now = std::fs::read(path).ok().and_then(|b| load::decode(b).ok());
            known.zip(now).is_some_and(|(known, now)| **known == *now)
        })
    }

    /// `rebuild` after the watcher saw only these files change in place
    /// (no file created, removed or renamed): only they are read again.
    pub fn rebuild_edited(&self, paths: &[PathBuf]) -> Outcome {
        self.rebuild_after(Some(paths))
    }

    fn rebuild_after(&self, edited: Option<&[PathBuf]>) -> Outcome {
        self.begin();
        let started = Instant::now();
        let mut memory = match self.memory.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        };
        let outcome = self.rebuild_in(&mut memory, edited, started);
        // Once everything is out: the next edit takes these copies.
        memory.reads.refill();
        outcome
    }

    fn rebuild_in(
        &self,
        memory: &mut Memory,
        edited: Option<&[PathBuf]>,
        started: Instant,
    ) -> Outcome {
        let (result, how) = self.render(memory, edited);
        let previous = self.current();
        // Kept until the edit is checked: an edit with errors leaves them.
        let good = how
            .unchecked
            .then(|| (memory.basis.take(), std::mem::take(&mut memory.rendered)));
        let (snapshot, mut outcome, playbook) = match result {
            Ok(site) => built(site, &previous, memory, started, &self.shown),
            Err(err) => {
                let (snapshot, outcome) = failed(err, &previous, started, &self.shown);
                (snapshot, outcome, None)
            }
        };
        let version = snapshot.version;
        self.publish(snapshot);
        self.end(version);
        let Some((playbook, sources)) = playbook else {
            if let Some((basis, rendered)) = good {
                (memory.basis, memory.rendered) = (basis, rendered);
            }
            return outcome;
        };
        // After the pages are shown: the next edit's plan compares with it.
        memory.basis = Some(Basis::new(sources, &playbook));
        if let Some((basis, rendered)) = good {
            // The pages are out; now the cross-file rules. With errors,
            // the last good site comes back under the error overlay.
            let latest = memory.latest.as_ref().map(|(sources, _)| sources);
            match self.check_after(&playbook, latest, &mut outcome) {
                Ok(()) => {}
                Err(text) => {
                    (memory.basis, memory.rendered) = (basis, rendered);
                    let version = version + 1;
                    self.publish(Snapshot {
                        files: previous.files.clone(),
                        error: Some(text),
                        version,
                        messages: playbook.messages.clone(),
                    });
                    self.end(version);
                    return outcome;
                }
            }
        }
        if outcome.partial {
            // The edited pages are out (and open pages reloading); now the
            // search index and, after a data edit, the exports and
            // calendars, under the same version so nothing reloads again.
            let extras = how.data.then(|| {
                let progress = Progress::of(&playbook, self.options.as_of);
                render::extras_again(&playbook, &progress, &self.options, &mut memory.rendered)
            });
            self.publish_rest(&memory.rendered, extras, version);
        }
        outcome
    }

    /// Checks a site whose pages were shown before it was checked: its
    /// warnings go to `outcome`; `Err` with the diagnostics' text (also in
    /// `outcome`) when it has errors.
    fn check_after(
        &self,
        playbook: &Playbook,
        sources: Option<&Sources>,
        outcome: &mut Outcome,
    ) -> Result<(), String> {
        let checking = Instant::now();
        let mut found = std::mem::take(&mut outcome.found);
        found.extend(crate::check::check(playbook));
        crate::diagnostic::sort(&mut found);
        // After the pages were shown, which `elapsed` still says.
        outcome.timings.laps.push(("check", checking.elapsed()));
        let empty = Sources::default();
        let text = (!found.is_empty()).then(|| {
            self.shown
                .render(&found, Format::Human, sources.unwrap_or(&empty))
        });
        if crate::diagnostic::count(&found, crate::diagnostic::Severity::Error) > 0 {
            outcome.error = text.clone();
            outcome.partial = false;
            outcome.pages = 0;
            return Err(text.unwrap_or_default());
        }
        outcome.warnings = text;
        Ok(())
    }

    /// Marks the rebuild as over at `version`: waiting requests go on and
    /// live-reload clients are told.
    fn end(&self, version: u64) {
        if let Ok(mut state) = self.state.lock() {
            *state = (false, version);
        }
        self.changed.notify_all();
    }

    /// Replaces the search index of the current snapshot with the one of
    /// `rendered`, and its exports and calendars with `extras` (made
    /// again, and the paths no longer made), keeping its version.
    fn publish_rest(
        &self,
        rendered: &render::Rendered,
        extras: Option<(Vec<OutputFile>, Vec<String>)>,
        version: u64,
    ) {
        let search = render::search_files(rendered);
        let current = self.current();
        let mut files = current.files.clone();
        files.retain(|path, _| !path.starts_with(crate::urls::SEARCH_DIR));
        files.extend(
            search
                .into_iter()
                .map(|f| (Arc::from(f.path), Arc::new(f.bytes))),
        );
        if let Some((made, stale)) = extras {
            for path in stale {
                files.remove(path.as_str());
            }
            files.extend(
                made.into_iter()
                    .map(|f| (Arc::from(f.path), Arc::new(f.bytes))),
            );
        }
        self.publish(Snapshot {
            files,
            error: None,
            version,
            messages: current.messages.clone(),
        });
    }

    fn publish(&self, snapshot: Snapshot) {
        match self.snapshot.write() {
            Ok(mut guard) => *guard = Arc::new(snapshot),
            Err(poisoned) => *poisoned.into_inner() = Arc::new(snapshot),
        }
    }

    /// The site in memory (partly rendered again when the plan allows),
    /// and how it was made. `edited`: files known to be
    /// changed in place and nothing else, so only they are read again.
    fn render(
        &self,
        memory: &mut Memory,
        edited: Option<&[PathBuf]>,
    ) -> (Result<InMemory, BuildError>, How) {
        let root = &self.root;
        let Memory {
            files,
            reads,
            latest,
            basis,
            rendered,
        } = memory;
        let load = || {
            let loaded = edited
                .zip(latest.as_ref())
                .and_then(|(paths, latest)| reread(root, latest, paths))
                .map_or_else(|| load::load_with(root, Some(files)), Ok);
            *latest = loaded.as_ref().ok().cloned();
            loaded
        };
        let modelled = match pipeline::load_unchecked_with(load, reads) {
            Ok(modelled) => modelled,
            Err(message) => return (Err(BuildError::Io(message)), How::default()),
        };
        let plan = match basis {
            Some(basis) if !modelled.has_errors() => {
                basis.plan(&modelled.sources, &modelled.playbook)
            }
            _ => Plan::Everything,
        };
        let how = How {
            data: matches!(plan, Plan::Data(_)),
            // An edit the last good build can follow is shown before it is
            // checked (at 5,000 pairs check takes longer than rendering
            // the pages); a whole build is checked first.
            unchecked: plan != Plan::Everything,
        };
        let checked = if how.unchecked {
            modelled
        } else {
            pipeline::check_now(modelled)
        };
        let site = pipeline::render_in_memory(checked, root, &self.options, Some(rendered), &plan);
        (site, how)
    }

    /// Blocks while a rebuild runs (at most `limit`).
    pub fn wait_until_idle(&self, limit: Duration) {
        let Ok(state) = self.state.lock() else { return };
        let _ = self.changed.wait_timeout_while(state, limit, |s| s.0);
    }

    /// Blocks until the version passes `seen` (or `limit` passes); returns
    /// the current version.
    pub fn wait_for_version_after(&self, seen: u64, limit: Duration) -> u64 {
        let Ok(state) = self.state.lock() else {
            return seen;
        };
        match self
            .changed
            .wait_timeout_while(state, limit, |s| s.1 <= seen || s.0)
        {
            Ok((state, _)) => state.1,
            Err(_) => seen,
        }
    }
}
