//! The site as served: the last good build in memory, the current build
//! error (if any), and a version that live-reload clients follow. Requests
//! that arrive during a rebuild wait for it, so a reload never lands on a
//! missing or stale page.

use crate::diagnostic::{self, Format};
use crate::pipeline::{self, BuildError};
use crate::render;
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
}

pub struct LiveSite {
    pub root: PathBuf,
    pub options: render::Options,
    snapshot: RwLock<Arc<Snapshot>>,
    /// (building, version), with a condition variable for waiters.
    state: Mutex<(bool, u64)>,
    changed: Condvar,
}

pub struct Outcome {
    pub elapsed: Duration,
    pub pages: usize,
    /// The diagnostics text when the build failed.
    pub error: Option<String>,
    /// Warnings of a good build.
    pub warnings: Option<String>,
}

impl LiveSite {
    pub fn new(root: &Path, options: render::Options) -> LiveSite {
        LiveSite {
            root: root.to_path_buf(),
            options,
            snapshot: RwLock::new(Arc::new(Snapshot::default())),
            state: Mutex::new((false, 0)),
            changed: Condvar::new(),
        }
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
    /// last good files and publishes the error instead.
    pub fn rebuild(&self) -> Outcome {
        self.begin();
        let started = Instant::now();
        let result = pipeline::render_site(&self.root, &self.options, None);
        let previous = self.current();
        let (snapshot, outcome) = match result {
            Ok((checked, files)) => {
                let warnings = (!checked.diagnostics.is_empty()).then(|| {
                    diagnostic::render(&checked.diagnostics, Format::Human, &|p| {
                        checked.sources.text_of(p)
                    })
                });
                let pages = files.iter().filter(|f| f.path.ends_with(".html")).count();
                let files = files
                    .into_iter()
                    .map(|f| (f.path, Arc::new(f.bytes)))
                    .collect();
                (
                    Snapshot {
                        files,
                        error: None,
                        version: previous.version + 1,
                    },
                    Outcome {
                        elapsed: started.elapsed(),
                        pages,
                        error: None,
                        warnings,
                    },
                )
            }
            Err(err) => {
                let text = match err {
                    BuildError::Io(message) => format!("error: {message}\n"),
                    BuildError::Invalid(checked) => {
                        diagnostic::render(&checked.diagnostics, Format::Human, &|p| {
                            checked.sources.text_of(p)
                        })
                    }
                };
                (
                    Snapshot {
                        files: previous.files.clone(),
                        error: Some(text.clone()),
                        version: previous.version + 1,
                    },
                    Outcome {
                        elapsed: started.elapsed(),
                        pages: 0,
                        error: Some(text),
                        warnings: None,
                    },
                )
            }
        };
        let version = snapshot.version;
        match self.snapshot.write() {
            Ok(mut guard) => *guard = Arc::new(snapshot),
            Err(poisoned) => *poisoned.into_inner() = Arc::new(snapshot),
        }
        if let Ok(mut state) = self.state.lock() {
            *state = (false, version);
        }
        self.changed.notify_all();
        outcome
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
