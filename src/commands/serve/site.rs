//! The site as served: the last good build in memory, the current build
//! error (if any), and a version that live-reload clients follow. Requests
//! that arrive during a rebuild wait for it, so a reload never lands on a
//! missing or stale page.

use super::incremental;
use crate::commands::shown_paths::ShownPaths;
use crate::diagnostic::{Diagnostic, Format};
use crate::model::{Playbook, ReadCache};
use crate::pipeline::{self, BuildError, InMemory, Timings};
use crate::progress::Progress;
use crate::render;
use crate::render::{OutputFile, Plan};
use crate::source::load::{self, Sources};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::time::{Duration, Instant};

#[derive(Default)]
pub struct Snapshot {
    pub files: HashMap<String, Arc<Vec<u8>>>,
    /// The diagnostics of the last failed build, shown as an overlay on
    /// the last good pages until a build succeeds.
    pub error: Option<String>,
    pub version: u64,
    /// The site's language, for the overlay's words.
    pub messages: crate::i18n::Messages,
}

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

/// What the next rebuild can reuse: files as read and parsed, and the
/// last good build.
#[derive(Default)]
struct Memory {
    files: load::LoadCache,
    reads: ReadCache,
    /// The sources (and load diagnostics) of the latest load.
    latest: Option<(Sources, Vec<Diagnostic>)>,
    basis: Option<incremental::Basis>,
    rendered: render::Rendered,
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

pub struct Outcome {
    pub elapsed: Duration,
    /// Pages rendered.
    pub pages: usize,
    /// Only the pages showing edited Markdown were rendered.
    pub partial: bool,
    /// The diagnostics text when the build failed.
    pub error: Option<String>,
    /// Warnings of a good build.
    pub warnings: Option<String>,
    /// How long each stage took, when known.
    pub timings: Timings,
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
        let (result, data) = self.render(&mut memory, edited);
        let previous = self.current();
        let (snapshot, outcome, playbook) = match result {
            Ok(site) => built(site, &previous, &mut memory, started, &self.shown),
            Err(err) => {
                let (snapshot, outcome) = failed(err, &previous, started, &self.shown);
                (snapshot, outcome, None)
            }
        };
        let version = snapshot.version;
        self.publish(snapshot);
        self.end(version);
        if outcome.partial {
            // The edited pages are out (and open pages reloading); now the
            // search index and, after a data edit, the exports and
            // calendars, under the same version so nothing reloads again.
            let extras = playbook.filter(|_| data).map(|playbook| {
                let progress = Progress::of(&playbook, self.options.as_of);
                render::extras_again(&playbook, &progress, &self.options, &mut memory.rendered)
            });
            self.publish_rest(&memory.rendered, extras, version);
        }
        outcome
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
        files.extend(search.into_iter().map(|f| (f.path, Arc::new(f.bytes))));
        if let Some((made, stale)) = extras {
            for path in stale {
                files.remove(&path);
            }
            files.extend(made.into_iter().map(|f| (f.path, Arc::new(f.bytes))));
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
    /// and whether the plan was a data edit's. `edited`: files known to be
    /// changed in place and nothing else, so only they are read again.
    fn render(
        &self,
        memory: &mut Memory,
        edited: Option<&[PathBuf]>,
    ) -> (Result<InMemory, BuildError>, bool) {
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
        let checked = match pipeline::load_and_check_with(load, reads) {
            Ok(checked) => checked,
            Err(message) => return (Err(BuildError::Io(message)), false),
        };
        let plan = match basis {
            Some(basis) if !checked.has_errors() => basis.plan(&checked.sources, &checked.playbook),
            _ => Plan::Everything,
        };
        let data = matches!(plan, Plan::Data(_));
        let site = pipeline::render_in_memory(checked, root, &self.options, Some(rendered), &plan);
        (site, data)
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

/// The snapshot of a good build, and what the next rebuild can reuse of
/// it. A partial build's files go over the previous snapshot's.
fn built(
    site: InMemory,
    previous: &Snapshot,
    memory: &mut Memory,
    started: Instant,
    shown: &ShownPaths,
) -> (Snapshot, Outcome, Option<Playbook>) {
    let partial = site.partial;
    let timings = site.checked.timings.clone();
    let warnings = (!site.checked.diagnostics.is_empty()).then(|| {
        shown.render(
            &site.checked.diagnostics,
            Format::Human,
            &site.checked.sources,
        )
    });
    let pages = site
        .files
        .iter()
        .filter(|f| f.path.ends_with(".html"))
        .count();
    let mut files = if partial {
        let mut files = previous.files.clone();
        for path in &site.rendered.stale {
            files.remove(path);
        }
        files
    } else {
        HashMap::new()
    };
    files.extend(site.files.into_iter().map(|f| (f.path, Arc::new(f.bytes))));
    memory.basis = Some(incremental::Basis::new(
        site.checked.sources,
        &site.checked.playbook,
    ));
    let playbook = site.checked.playbook;
    memory.rendered = site.rendered;
    let snapshot = Snapshot {
        files,
        error: None,
        version: previous.version + 1,
        messages: playbook.messages.clone(),
    };
    let outcome = Outcome {
        elapsed: started.elapsed(),
        pages,
        partial,
        error: None,
        warnings,
        timings,
    };
    (snapshot, outcome, Some(playbook))
}

/// The snapshot of a failed build: the last good files, with the error
/// to show over them.
fn failed(
    err: BuildError,
    previous: &Snapshot,
    started: Instant,
    shown: &ShownPaths,
) -> (Snapshot, Outcome) {
    let (text, timings, messages) = match err {
        BuildError::Io(message) => (
            format!("error: {message}\n"),
            Timings::default(),
            previous.messages.clone(),
        ),
        BuildError::Invalid(checked) => (
            shown.render(&checked.diagnostics, Format::Human, &checked.sources),
            checked.timings.clone(),
            checked.playbook.messages.clone(),
        ),
    };
    let snapshot = Snapshot {
        files: previous.files.clone(),
        error: Some(text.clone()),
        version: previous.version + 1,
        messages,
    };
    let outcome = Outcome {
        elapsed: started.elapsed(),
        pages: 0,
        partial: false,
        error: Some(text),
        warnings: None,
        timings,
    };
    (snapshot, outcome)
}
