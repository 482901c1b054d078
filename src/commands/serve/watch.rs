//! Watching a site's sources: which file events are changes to its
//! sources (not editors' temporary files, not the output), gathered into
//! one rebuild per burst of saves.

use super::report;
use super::site::LiveSite;
use crate::source::load::is_ignored;
use notify::event::ModifyKind;
use notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// Folders of a site that hold sources; `playbook.yaml` sits beside them.
const WATCHED: &[&str] = &["content", "data", "snippets", "templates", "static", "i18n"];
/// Events closer together than this are one change. An editor's save (a
/// write, or a temporary file renamed over the page) takes well under a
/// millisecond; the wait adds to every reload (with the debouncer's tick,
/// a quarter of it, 10 to 13 ms here; 25 to 31 ms at 25 ms), so it is
/// kept short. A save slower than this is seen as two: the second
/// rebuild shows it whole.
const DEBOUNCE: Duration = Duration::from_millis(10);

/// The watcher of a site's sources, and the folders it already watches.
pub struct Watch {
    debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    root: PathBuf,
    watched: Vec<PathBuf>,
}

pub type ChangeEvents = mpsc::Receiver<DebounceEventResult>;

impl Watch {
    /// Starts watching `root`'s sources; their changes arrive on the
    /// returned channel.
    pub fn start(root: &Path) -> Result<(Watch, ChangeEvents), String> {
        let (changes_tx, changes_rx) = mpsc::channel::<DebounceEventResult>();
        let debouncer = new_debouncer(DEBOUNCE, None, changes_tx)
            .map_err(|e| format!("cannot watch files: {e}"))?;
        let mut watch = Watch {
            debouncer,
            root: root.to_path_buf(),
            watched: Vec::new(),
        };
        watch.sources();
        Ok((watch, changes_rx))
    }

    /// Rebuilds `site` after each burst of changes to its sources, for as
    /// long as the watcher runs. A rebuild may create a source folder, so
    /// folders are looked for again before each one.
    pub fn rebuild_on_change(mut self, site: &LiveSite, events: &ChangeEvents) {
        while let Some(changes) = next_changes(events) {
            let sources: Vec<PathBuf> = changes
                .paths
                .into_iter()
                .filter(|p| is_source(&self.root, p))
                .collect();
            if sources.is_empty() {
                continue;
            }
            self.sources();
            if changes.in_place && site.unchanged(&sources) {
                continue;
            }
            let outcome = if changes.in_place {
                site.rebuild_edited(&sources)
            } else {
                site.rebuild()
            };
            report(&outcome, "Rebuilt");
        }
    }

    /// Watches the site folder itself (for `playbook.yaml` and new source
    /// folders) and each source folder once it exists. Never the output
    /// folder.
    fn sources(&mut self) {
        let root = &self.root;
        if self.watched.is_empty() {
            if let Err(err) = self.debouncer.watch(root, RecursiveMode::NonRecursive) {
                eprintln!("cannot watch {}: {err}", root.display());
            }
            self.watched.push(root.to_path_buf());
        }
        for folder in WATCHED {
            let path = root.join(folder);
            if path.is_dir() && !self.watched.contains(&path) {
                match self.debouncer.watch(&path, RecursiveMode::Recursive) {
                    Ok(()) => self.watched.push(path),
                    Err(err) => eprintln!("cannot watch {}: {err}", path.display()),
                }
            }
        }
    }
}

/// The next batch of changes with what arrived meanwhile: one rebuild for
/// a burst of saves. `None` once the watcher is gone.
fn next_changes(events: &ChangeEvents) -> Option<Changes> {
    let batch = events.recv().ok()?;
    let mut changes = Changes::of(batch);
    while let Ok(more) = events.try_recv() {
        changes.extend(Changes::of(more));
    }
    Some(changes)
}

/// What a batch of file events changed.
struct Changes {
    /// Paths whose content may have changed. Reads are left out: the
    /// rebuild itself opens every source, which would otherwise trigger
    /// the next one.
    paths: Vec<PathBuf>,
    /// Every change was a write into an existing file: nothing created,
    /// removed or renamed, so the site need not be walked again.
    in_place: bool,
}

impl Changes {
    fn of(batch: DebounceEventResult) -> Changes {
        match batch {
            Ok(events) => {
                let events: Vec<_> = events
                    .into_iter()
                    .filter(|e| !matches!(e.kind, EventKind::Access(_)))
                    .collect();
                let in_place = events.iter().all(|e| {
                    matches!(
                        e.kind,
                        EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Any)
                    )
                });
                Changes {
                    paths: events.into_iter().flat_map(|e| e.event.paths).collect(),
                    in_place,
                }
            }
            Err(errors) => {
                for error in errors {
                    eprintln!("watch error: {error}");
                }
                Changes {
                    paths: Vec::new(),
                    in_place: false,
                }
            }
        }
    }

    fn extend(&mut self, more: Changes) {
        self.paths.extend(more.paths);
        self.in_place &= more.in_place;
    }
}

/// Changes that can alter the site: not editors' temporary files, not the
/// output or anything else beside the sources.
fn is_source(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let mut parts = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned());
    let Some(first) = parts.next() else {
        return false;
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if is_ignored(&name) {
        return false;
    }
    first == crate::source::load::CONFIG_FILE || WATCHED.contains(&first.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sources_trigger_a_rebuild() {
        let root = Path::new("/site");
        assert!(is_source(root, Path::new("/site/content/faq.md")));
        assert!(is_source(root, Path::new("/site/playbook.yaml")));
        assert!(is_source(root, Path::new("/site/templates/page.html")));
        assert!(is_source(root, Path::new("/site/i18n/pl.ftl")));
        assert!(!is_source(root, Path::new("/site/public/index.html")));
        assert!(!is_source(root, Path::new("/site/content/.faq.md.swp")));
        assert!(!is_source(root, Path::new("/site/content/faq.md~")));
        assert!(!is_source(root, Path::new("/site/README.md")));
    }
}
