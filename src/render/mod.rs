//! Stage 5: the playbook and its progress as files in memory: every page
//! through its template (in parallel), the search index and the assets.
//! Writing them to disk is `crate::write`'s job.

mod chart;
pub mod exports;
mod ics;
pub mod markdown;
mod nav;
mod pages;
pub mod search;
mod theme;
pub mod views;

use crate::diagnostic::{Diagnostic, Span};
use crate::model::Playbook;
use crate::progress::{self, PairProgress};
use chrono::NaiveDate;
use rayon::prelude::*;
use std::path::Path;

pub use nav::root_of;
pub use theme::{STATIC, TEMPLATES};

#[derive(Debug, Clone)]
pub struct Options {
    /// The date progress is computed for.
    pub as_of: NaiveDate,
    /// Include pages marked `draft: true`.
    pub drafts: bool,
}

/// A file of the built site: `path` is relative to the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Where rendered files go as they are made: memory for `serve`, the
/// staging folder for `build` (so a large site is never held in memory).
pub trait Sink: Sync {
    fn put(&self, file: OutputFile) -> Result<(), String>;
}

/// Collects the files in memory.
#[derive(Default)]
pub struct MemorySink(pub std::sync::Mutex<Vec<OutputFile>>);

impl Sink for MemorySink {
    fn put(&self, file: OutputFile) -> Result<(), String> {
        self.0
            .lock()
            .map_err(|_| "a render thread failed".to_string())?
            .push(file);
        Ok(())
    }
}

impl MemorySink {
    pub fn into_files(self) -> Vec<OutputFile> {
        let mut files = self.0.into_inner().unwrap_or_else(|e| e.into_inner());
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }
}

/// Renders the whole site into `sink` and returns how many files it made.
/// Template problems and duplicate output paths come back as diagnostics.
pub fn render(
    playbook: &Playbook,
    site_root: &Path,
    options: &Options,
    sink: &dyn Sink,
) -> Result<usize, Vec<Diagnostic>> {
    let tera = theme::templates(site_root)?;
    let mut diagnostics = Vec::new();
    let assets = theme::static_files(site_root, &mut diagnostics);
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    let published: Vec<bool> = playbook
        .pages
        .iter()
        .map(|p| options.drafts || !p.draft)
        .collect();
    let pair_published: Vec<bool> = playbook.pairs.iter().map(|p| published[p.roster]).collect();
    let pair_progress: Vec<PairProgress> = playbook
        .pairs
        .iter()
        .map(|pair| progress::of_pair(pair, options.as_of, playbook.config.progress))
        .collect();
    let context = pages::Context::new(
        playbook,
        &tera,
        options,
        &published,
        &pair_published,
        &pair_progress,
        site_root,
    );
    let jobs = context.jobs();
    let written = std::sync::Mutex::new(std::collections::HashSet::new());
    let deliver = |file: OutputFile| -> Result<(), Diagnostic> {
        let fresh = written
            .lock()
            .map_or(true, |mut w| w.insert(file.path.clone()));
        if !fresh {
            return Err(Diagnostic::error(
                "duplicate-url",
                Span::file("content"),
                format!("two pages would be written to {}", file.path),
            )
            .with_hint("rename one of them"));
        }
        sink.put(file)
            .map_err(|message| Diagnostic::error("unwritable", Span::file("content"), message))
    };
    let results: Vec<Result<Option<search::Entry>, Diagnostic>> = jobs
        .par_iter()
        .map(|job| {
            let (file, entry) = context.render(job)?;
            deliver(file)?;
            Ok(entry)
        })
        .collect();
    let mut entries = Vec::new();
    for result in results {
        match result {
            Ok(entry) => entries.extend(entry),
            Err(diagnostic) => diagnostics.push(diagnostic),
        }
    }
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    let mut extra = search::files(&entries);
    extra.extend(exports::files(&exports::Input {
        playbook,
        published: &published,
        pair_published: &pair_published,
        pair_progress: &pair_progress,
        as_of: options.as_of,
    }));
    for (name, bytes) in assets {
        extra.push(OutputFile {
            path: format!("static/{name}"),
            bytes,
        });
    }
    let count = jobs.len() + extra.len();
    for file in extra {
        deliver(file).map_err(|d| vec![d])?;
    }
    Ok(count)
}
