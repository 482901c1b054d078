//! Stage 5: the playbook and its progress as files in memory: every page
//! through its template (in parallel), the search index and the assets.
//! Writing them to disk is `crate::write`'s job.

mod chart;
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

/// Renders the whole site. Template problems come back as diagnostics.
pub fn render(
    playbook: &Playbook,
    site_root: &Path,
    options: &Options,
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
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
        .map(|pair| {
            let sessions: Vec<_> = pair
                .sessions
                .iter()
                .map(|s| (s.date.value, s.status))
                .collect();
            progress::pair_progress(
                progress::Schedule::of(pair),
                &sessions,
                options.as_of,
                playbook.config.progress,
            )
        })
        .collect();
    let context = pages::Context::new(
        playbook,
        &tera,
        options,
        &published,
        &pair_published,
        &pair_progress,
    );
    let jobs = context.jobs();
    let results: Vec<Result<(OutputFile, Option<search::Entry>), Diagnostic>> =
        jobs.par_iter().map(|job| context.render(job)).collect();
    let mut files = Vec::with_capacity(results.len() + assets.len() + 1);
    let mut entries = Vec::new();
    for result in results {
        match result {
            Ok((file, entry)) => {
                files.push(file);
                entries.extend(entry);
            }
            Err(diagnostic) => diagnostics.push(diagnostic),
        }
    }
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    files.push(OutputFile {
        path: "search-index.js".into(),
        bytes: search::script(&entries).into_bytes(),
    });
    for (name, bytes) in assets {
        files.push(OutputFile {
            path: format!("static/{name}"),
            bytes,
        });
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    if let Some(pair) = files.windows(2).find(|w| w[0].path == w[1].path) {
        return Err(vec![Diagnostic::error(
            "duplicate-url",
            Span::file("content"),
            format!("two pages would be written to {}", pair[0].path),
        )]);
    }
    Ok(files)
}
