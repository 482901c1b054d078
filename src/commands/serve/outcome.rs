//! What a rebuild ends with: the snapshot to publish (a good build's
//! files over the last ones, or the last good files under the error) and
//! what is said of it.

use super::incremental;
use crate::commands::shown_paths::ShownPaths;
use crate::diagnostic::{Diagnostic, Format};
use crate::model::Playbook;
use crate::model::ReadCache;
use crate::pipeline::{BuildError, InMemory, Timings};
use crate::render;
use crate::source::load::{self, Sources};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Default)]
pub struct Snapshot {
    /// By path. Both shared: each rebuild after an edit starts from the
    /// last snapshot's files (at 5,000 pairs, 30,000 of them) and copies
    /// only pointers.
    pub files: HashMap<Arc<str>, Arc<Vec<u8>>>,
    /// The diagnostics of the last failed build, shown as an overlay on
    /// the last good pages until a build succeeds.
    pub error: Option<String>,
    pub version: u64,
    /// The site's language, for the overlay's words.
    pub messages: crate::i18n::Messages,
}

/// What the next rebuild can reuse: files as read and parsed, and the
/// last good build.
#[derive(Default)]
pub(super) struct Memory {
    pub(super) files: load::LoadCache,
    pub(super) reads: ReadCache,
    /// The sources (and load diagnostics) of the latest load.
    pub(super) latest: Option<(Sources, Vec<Diagnostic>)>,
    pub(super) basis: Option<incremental::Basis>,
    pub(super) rendered: render::Rendered,
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
    /// The diagnostics of a good build, for a check that follows.
    pub(super) found: Vec<Diagnostic>,
}

/// The snapshot of a good build, and what the next rebuild can reuse of
/// it: the playbook and sources, for the caller to make the next
/// rebuild's `Basis` of once the pages are shown. A partial build's files
/// go over the previous snapshot's.
pub(super) fn built(
    site: InMemory,
    previous: &Snapshot,
    memory: &mut Memory,
    started: Instant,
    shown: &ShownPaths,
) -> (Snapshot, Outcome, Option<(Playbook, Sources)>) {
    let partial = site.partial;
    let timings = site.checked.timings.clone();
    let found = site.checked.diagnostics.clone();
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
            files.remove(path.as_str());
        }
        files
    } else {
        HashMap::new()
    };
    files.extend(
        site.files
            .into_iter()
            .map(|f| (Arc::from(f.path), Arc::new(f.bytes))),
    );
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
        found,
    };
    (snapshot, outcome, Some((playbook, site.checked.sources)))
}

/// The snapshot of a failed build: the last good files, with the error
/// to show over them.
pub(super) fn failed(
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
        found: Vec::new(),
    };
    (snapshot, outcome)
}
