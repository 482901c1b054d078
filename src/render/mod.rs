//! Stage 6: the playbook and its progress as files: every page through its
//! template (in parallel), the search index, the exports and the assets.
//! Pure: the theme and the git history arrive already read, and files go
//! to a `Sink`; writing them to disk is `crate::write`'s job.

mod attention;
mod calendars;
mod callout;
mod chrome;
mod context;
mod deliver;
mod escape;
pub mod exports;
mod goals;
mod guide;
mod home;
mod ics;
mod jobs;
pub mod markdown;
mod nav;
mod next_meeting;
mod not_found;
mod page;
mod pair;
mod people;
mod people_index;
mod person;
mod print;
mod programs;
mod progress;
mod redirect;
mod rerender;
mod roster;
pub mod sanitize;
pub mod search;
mod section;
mod session;
mod sitemap;
mod step;
mod surveys;
mod theme;
mod view_context;
pub mod views;

use crate::diagnostic::Diagnostic;
use crate::model::Playbook;
use crate::progress::Progress;
use crate::source::markdown::Scan;
use chrono::NaiveDate;
use deliver::Deliver;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

pub use context::published_pages;
pub use nav::root_of;
pub use rerender::{extras_again, rerender};
pub use theme::{Theme, compile as compile_theme};

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

impl OutputFile {
    /// `Err` when the path could leave the output folder
    /// (`urls::output_path_problem`): every sink calls this before it
    /// takes a file, whatever produced it.
    pub fn safe_path(&self) -> Result<&str, String> {
        match crate::urls::output_path_problem(&self.path) {
            None => Ok(&self.path),
            Some(problem) => Err(format!(
                "refused to write `{}`: {problem}, so it could land outside the site's folder",
                crate::urls::quote(&self.path)
            )),
        }
    }
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
        file.safe_path()?;
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

/// What a render made of each page, in page order. `serve` keeps it so
/// that an edit to one page's Markdown re-renders only that page.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// Files made: pages, search index, exports and assets.
    pub files: usize,
    /// Shared, so that a rebuild after an edit keeps the records of the
    /// pages it does not render (at 5,000 pairs, 15,000 of them) without
    /// copying them.
    pub pages: Vec<Arc<PageRecord>>,
    /// Last change of each source file (git), as shown on the pages.
    pub updated: HashMap<String, NaiveDate>,
    pub theme: Option<Theme>,
    /// Each pair's published facts, to tell which pairs an edit changed.
    pub pairs: Vec<jobs::PairPrint>,
    /// The paths of the files besides pages and assets (exports,
    /// calendars, redirects, sitemap): made again after a data edit.
    pub extras: Vec<String>,
    /// Pages the previous render wrote that this one no longer does (a
    /// pair taken out of a roster): the caller drops them.
    pub stale: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct PageRecord {
    pub path: String,
    /// The page's address (`BuiltPage::address`), which a later render
    /// finds it by.
    pub address: String,
    /// The content file whose Markdown body the page shows.
    pub body_of: Option<String>,
    /// See `context::Context::fingerprint`.
    pub fingerprint: Option<u64>,
    /// Shared, so that `serve` keeps a page's record across edits without
    /// copying its words.
    pub entry: Option<std::sync::Arc<search::Entry>>,
}

/// Which pages a rebuild must render again; `serve`'s planner decides
/// (`commands::serve::incremental`), `rerender` carries it out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    /// Every page: always correct.
    Everything,
    /// Only the Markdown bodies of these content files changed.
    Bodies(HashSet<String>),
    /// Only these plain pages changed (no other kind of page, no data,
    /// settings, templates or assets), front matter included.
    PlainPages(HashSet<String>),
    /// These content files changed, rosters, pair files, steps or goals
    /// among them, but no page's place or title in navigation: the pages
    /// the changed pairs, steps and goals show are rendered
    /// (`Context::touched`), then the exports and calendars
    /// (`extras_again`).
    Data(HashSet<String>),
}

/// Renders the whole site into `sink`: the playbook with its `progress`
/// as of `options.as_of`. `updated` is each source file's
/// last change (git); `fingerprints` keeps what a later `rerender` needs.
/// Template problems and duplicate output paths come back as diagnostics.
pub fn render(
    playbook: &Playbook,
    progress: &Progress,
    theme: Theme,
    updated: HashMap<String, NaiveDate>,
    options: &Options,
    sink: &dyn Sink,
    fingerprints: bool,
) -> Result<Rendered, Vec<Diagnostic>> {
    let site = Site {
        playbook,
        progress,
        updated,
        options,
    };
    render_beside(site, theme, sink, fingerprints, |_| ()).map(|(rendered, ())| rendered)
}

/// What a render is of.
pub struct Site<'a> {
    pub playbook: &'a Playbook,
    pub progress: &'a Progress,
    /// Each source file's last change (git).
    pub updated: HashMap<String, NaiveDate>,
    pub options: &'a Options,
}

/// `render`, handing `beside` the scans made of the bodies whose scan the
/// model left to render (`Page::scan_pending`, by content file) once the
/// pages are out, to run while the search index, exports and assets are
/// made: `build` checks links there.
pub fn render_beside<T: Send>(
    site: Site,
    theme: Theme,
    sink: &dyn Sink,
    fingerprints: bool,
    beside: impl FnOnce(Vec<(String, Scan)>) -> T + Send,
) -> Result<(Rendered, T), Vec<Diagnostic>> {
    let inputs = context::Inputs::new(site.playbook, site.progress, site.options);
    let context = inputs.context(&theme, &site.updated);
    let jobs = context.jobs();
    let deliver = Deliver::new(sink);
    let pages: Vec<Arc<PageRecord>> =
        render_jobs(&context, &jobs, &|_| true, fingerprints, &deliver)?
            .into_iter()
            .map(Arc::new)
            .collect();
    let scans = context.take_scans();
    let (rest, beside) = rayon::join(
        || rest_of_site(&inputs, &context, &theme, &pages, &deliver),
        || beside(scans),
    );
    let (files, extras) = rest?;
    let pairs = context.pair_prints();
    drop(context);
    let rendered = Rendered {
        files: jobs.len() + files,
        pages,
        updated: site.updated,
        theme: Some(theme),
        pairs,
        extras,
        stale: Vec::new(),
    };
    Ok((rendered, beside))
}

/// The search index, exports, calendars, redirects, sitemap and assets,
/// delivered: how many files, and the paths `extras_again` makes again.
fn rest_of_site(
    inputs: &context::Inputs,
    context: &context::Context,
    theme: &Theme,
    pages: &[Arc<PageRecord>],
    deliver: &Deliver,
) -> Result<(usize, Vec<String>), Vec<Diagnostic>> {
    let entries: Vec<&search::Entry> = pages.iter().filter_map(|p| p.entry.as_deref()).collect();
    let mut extra = search::files(&entries);
    let others = extra_files(inputs, context);
    let extras = others.iter().map(|f| f.path.clone()).collect();
    extra.extend(others);
    // A site's own `static/search-messages.js` replaces it, like any asset.
    if !theme
        .assets
        .iter()
        .any(|(name, _)| name == crate::urls::SEARCH_MESSAGES_FILE)
    {
        extra.push(search::messages_file(&context.site.search_messages));
    }
    for (name, bytes) in theme.assets.iter() {
        extra.push(OutputFile {
            path: format!("{}{name}", crate::urls::STATIC_DIR),
            bytes: bytes.clone(),
        });
    }
    let files = extra.len();
    // Paths taken in order, so a clash names the same file every time;
    // then written on both cores (1,400 files at 10,000 pages took 20 ms
    // on one).
    for file in &extra {
        deliver.claim(&file.path).map_err(|d| vec![d])?;
    }
    let delivered: Vec<Result<(), Diagnostic>> = extra
        .into_par_iter()
        .map(|f| deliver.put_claimed(f))
        .collect();
    match delivered.into_iter().find_map(Result::err) {
        Some(problem) => Err(vec![problem]),
        None => Ok((files, extras)),
    }
}

/// The files besides pages, search index and assets: exports, calendars,
/// redirects and the sitemap.
fn extra_files(inputs: &context::Inputs, context: &context::Context) -> Vec<OutputFile> {
    let playbook = inputs.playbook;
    let programs = |scope| context.program(scope);
    let exports = exports::Input {
        playbook,
        published: &inputs.site.pages,
        pairs: &inputs.pairs,
        pair_published: &inputs.site.pairs,
        pair_progress: inputs.pair_progress,
        surveys: inputs.surveys,
        as_of: inputs.options.as_of,
        programs: &programs,
    };
    let mut extra = exports::files(&exports);
    extra.extend(calendars::files(&exports, &inputs.site));
    extra.extend(context.person_calendars());
    extra.extend(redirect::files(playbook, &inputs.site));
    extra.extend(sitemap::file(playbook));
    extra
}

/// The search index of a render.
pub fn search_files(rendered: &Rendered) -> Vec<OutputFile> {
    let entries: Vec<&search::Entry> = rendered
        .pages
        .iter()
        .filter_map(|p| p.entry.as_deref())
        .collect();
    search::files(&entries)
}

/// Renders the jobs `wanted` picks (by position), in parallel, in job
/// order.
fn render_jobs(
    context: &context::Context,
    jobs: &[jobs::Job],
    wanted: &(dyn Fn(usize) -> bool + Sync),
    fingerprints: bool,
    deliver: &Deliver,
) -> Result<Vec<PageRecord>, Vec<Diagnostic>> {
    let results: Vec<Result<PageRecord, Diagnostic>> = jobs
        .par_iter()
        .enumerate()
        .filter(|(i, _)| wanted(*i))
        .map(|(_, job)| {
            let (file, entry) = context.render(job)?;
            let path = file.path.clone();
            deliver.put(file)?;
            Ok(PageRecord {
                path,
                address: job.address(context.playbook),
                body_of: context.body_of(job).map(str::to_string),
                fingerprint: fingerprints.then(|| context.fingerprint(job)).flatten(),
                entry: entry.map(std::sync::Arc::new),
            })
        })
        .collect();
    let mut pages = Vec::with_capacity(results.len());
    let mut diagnostics = Vec::new();
    for result in results {
        match result {
            Ok(record) => pages.push(record),
            Err(diagnostic) => diagnostics.push(diagnostic),
        }
    }
    if diagnostics.is_empty() {
        Ok(pages)
    } else {
        Err(diagnostics)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_in_memory_site_takes_no_path_that_leaves_it() {
        let sink = MemorySink::default();
        for path in ["../x", "/etc/passwd", "pairs/../../x/index.html"] {
            let file = OutputFile {
                path: path.into(),
                bytes: b"evil".to_vec(),
            };
            assert!(sink.put(file).is_err(), "{path}");
        }
        assert!(sink.into_files().is_empty());
    }
}
