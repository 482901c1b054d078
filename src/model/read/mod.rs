//! Sources -> Playbook: every file is read on its own (in parallel, or
//! taken from `serve`'s cache), then the reads are assembled: people
//! gathered, pair files merged into their roster entries, the section tree
//! built. One submodule per kind of page or data file.

mod cadence;
mod csv;
mod failed;
mod goals;
mod merge;
mod page;
mod pair;
mod people;
mod programs;
mod roster;
mod roster_cell;
mod sections;
mod session;
mod step;
mod surveys;

use super::{Failures, Person, Playbook, survey};
use crate::config;
use crate::diagnostic::Diagnostic;
use crate::i18n;
use crate::source::fields::Spanned;
use crate::source::include::Snippets;
use crate::source::load::{SourceFile, Sources};
use page::FileRead;
use pair::PairDraft;
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

pub fn read(sources: &Sources) -> (Playbook, Vec<Diagnostic>) {
    read_scanning(sources, Scans::Now)
}

/// `read`, leaving the scan of plain pages titled in their front matter
/// (most pages of a large site) to the renderer, which parses their
/// Markdown anyway: `build` then parses each such body once, completes
/// the scans (`Playbook::pending_scans`) for the link rule and puts them
/// in place (`Playbook::fill_scans`).
pub fn read_leaving_scans(sources: &Sources) -> (Playbook, Vec<Diagnostic>) {
    read_scanning(sources, Scans::Later)
}

/// When a page's body is scanned (`crate::source::markdown::scan`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Scans {
    /// While the page is read: every reader of the model may ask.
    Now,
    /// By the renderer, for pages whose scan nothing before it reads.
    Later,
}

fn read_scanning(sources: &Sources, scans: Scans) -> (Playbook, Vec<Diagnostic>) {
    let snippets = Snippets::new(&sources.snippets);
    let reads: Vec<FileRead> = sources
        .content
        .par_iter()
        .map(|file| page::read_file(file, &snippets, scans))
        .collect();
    let data: Vec<DataRead> = sources.data.iter().map(read_data).collect();
    assemble(sources, reads, data)
}

/// Files as last read, so that `serve` re-parses only the files that
/// changed (YAML parsing is most of the model stage on a large program).
#[derive(Default)]
pub struct ReadCache {
    content: HashMap<String, Cached<FileRead>>,
    data: HashMap<String, Cached<DataRead>>,
    /// The snippets the cached pages were expanded with.
    snippets: Vec<(String, Arc<str>)>,
    /// What the people list gives, while the people stay the same.
    people: super::people_memo::Kept,
}

/// A file's read, as of its text.
struct Cached<T> {
    text: Arc<str>,
    read: T,
    /// A copy of `read` made after the last rebuild (`ReadCache::refill`),
    /// for the next to take: the playbook owns what it is assembled from,
    /// and at 5,000 pairs copying the reads of the files an edit left
    /// alone took 15 to 20 ms before the edited page could be shown.
    spare: Option<T>,
}

impl ReadCache {
    /// Copies each cached read the last rebuild took, for the next
    /// rebuild: to be called once the pages are out, while `serve` waits
    /// for the next edit.
    pub fn refill(&mut self) {
        fn refill<T: Clone + Send>(cache: &mut HashMap<String, Cached<T>>) {
            cache
                .par_iter_mut()
                .filter(|(_, c)| c.spare.is_none())
                .for_each(|(_, c)| c.spare = Some(c.read.clone()));
        }
        refill(&mut self.content);
        refill(&mut self.data);
    }
}

/// `read`, re-reading only the files whose text differs from the cache's.
pub fn read_cached(sources: &Sources, cache: &mut ReadCache) -> (Playbook, Vec<Diagnostic>) {
    let snippets: Vec<(String, Arc<str>)> = sources
        .snippets
        .iter()
        .map(|f| (f.path.clone(), f.text.clone()))
        .collect();
    if snippets != cache.snippets {
        // Any page may include the snippet that changed.
        cache.content.clear();
        cache.snippets = snippets;
    }
    let included = Snippets::new(&sources.snippets);
    let reads = reuse(&mut cache.content, &sources.content, |file| {
        page::read_file(file, &included, Scans::Now)
    });
    let data = reuse(&mut cache.data, &sources.data, read_data);
    let (mut playbook, diagnostics) = assemble(sources, reads, data);
    super::people_memo::share(&mut playbook, &mut cache.people);
    (playbook, diagnostics)
}

/// Each file's read from the cache when its text is unchanged (its spare
/// copy when there is one), else `read` afresh (and cached); files that
/// are gone leave the cache.
fn reuse<T: Clone + Send + Sync>(
    cache: &mut HashMap<String, Cached<T>>,
    files: &[SourceFile],
    read: impl Fn(&SourceFile) -> T + Sync,
) -> Vec<T> {
    let spares: Vec<Option<T>> = files
        .iter()
        .map(|file| match cache.get_mut(&file.path) {
            Some(cached) if cached.text == file.text => cached.spare.take(),
            _ => None,
        })
        .collect();
    let cache_now = &*cache;
    let reads: Vec<(T, bool)> = files
        .par_iter()
        .zip(spares)
        .map(|(file, spare)| match (spare, cache_now.get(&file.path)) {
            (Some(spare), _) => (spare, false),
            (None, Some(cached)) if cached.text == file.text => (cached.read.clone(), false),
            _ => (read(file), true),
        })
        .collect();
    let present: std::collections::HashSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    cache.retain(|path, _| present.contains(path.as_str()));
    files
        .iter()
        .zip(reads)
        .map(|(file, (read, fresh))| {
            if fresh {
                let cached = Cached {
                    text: file.text.clone(),
                    read: read.clone(),
                    spare: None,
                };
                cache.insert(file.path.clone(), cached);
            }
            read
        })
        .collect()
}

/// What one file under `data/` holds.
#[derive(Clone, Default)]
struct DataRead {
    people: Vec<Person>,
    /// Pairs of `data/pairs.csv`, each with the roster id it names.
    pairs: Vec<(Spanned<String>, PairDraft)>,
    diagnostics: Vec<Diagnostic>,
}

fn read_data(file: &SourceFile) -> DataRead {
    let mut read = DataRead::default();
    if file.path.ends_with(".csv") {
        csv::read(
            file,
            &mut read.people,
            &mut read.pairs,
            &mut read.diagnostics,
        );
    } else {
        people::read_data_file(file, &mut read.people, &mut read.diagnostics);
    }
    read
}

/// Where playbook.yaml sets `language:` (its value), else the file.
fn language_span(file: &SourceFile) -> crate::diagnostic::Span {
    file.text
        .lines()
        .enumerate()
        .find_map(|(i, line)| {
            let rest = line.strip_prefix("language:")?;
            let value = rest.trim_start();
            let col = line.chars().count() - value.chars().count() + 1;
            Some(
                crate::diagnostic::Span::new(&file.path, i + 1, col)
                    .with_len(value.trim_end().len()),
            )
        })
        .unwrap_or_else(|| crate::diagnostic::Span::file(&file.path))
}

fn assemble(
    sources: &Sources,
    reads: Vec<FileRead>,
    data: Vec<DataRead>,
) -> (Playbook, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let config = config::read(sources.config.as_ref(), &mut diagnostics);

    diagnostics.extend(Snippets::new(&sources.snippets).check());
    let overrides: Vec<i18n::Override> = sources
        .catalogues
        .iter()
        .map(|f| i18n::Override {
            path: &f.path,
            text: &f.text,
        })
        .collect();
    diagnostics.extend(i18n::overrides::check(&config.language, &overrides));
    if let Some(file) = &sources.config {
        let span = language_span(file);
        diagnostics.extend(i18n::overrides::language_unknown(
            &config.language,
            &overrides,
            span,
        ));
    }
    let messages = i18n::Messages::with_overrides(&config.language, &overrides);
    let mut playbook = Playbook {
        messages,
        config,
        assets: sources.assets.clone(),
        ..Playbook::default()
    };
    // Room for everyone at once: at 5,000 pairs, growing the list of
    // 10,000 people step by step copied it over and over.
    let people = data.iter().map(|d| d.people.len()).sum::<usize>()
        + reads.iter().map(|r| r.people.len()).sum::<usize>();
    playbook.people.reserve(people);
    playbook.pages.reserve(reads.len());
    let mut csv_pairs = Vec::new();
    for read in data {
        playbook.people.extend(read.people);
        csv_pairs.extend(read.pairs);
        diagnostics.extend(read.diagnostics);
    }
    let mut roster_drafts: Vec<(usize, Vec<PairDraft>)> = Vec::new();
    let mut pair_files: Vec<(usize, PairDraft)> = Vec::new();
    let mut failed = Vec::new();
    // Where each failed file's error is in `diagnostics`.
    let mut causes = Vec::new();
    for (index, read) in reads.into_iter().enumerate() {
        if let Some(mut read_failed) = read.failed {
            read_failed.entry.page = index;
            causes.push(read_failed.cause.map(|at| diagnostics.len() + at));
            failed.push(read_failed.entry);
        }
        diagnostics.extend(read.diagnostics);
        playbook.people.extend(read.people);
        if !read.roster_pairs.is_empty() {
            roster_drafts.push((index, read.roster_pairs));
        }
        if let Some(draft) = read.pair_file {
            pair_files.push((index, draft));
        }
        playbook.pages.push(read.page);
    }
    playbook.failed = Failures::new(failed);
    programs::place_pages(&mut playbook);
    let mut uses = failed::Uses::default();
    merge::attach_csv_pairs(
        &playbook,
        csv_pairs,
        &mut roster_drafts,
        &mut uses,
        &mut diagnostics,
    );
    merge::merge_pairs(
        &mut playbook,
        roster_drafts,
        pair_files,
        &mut uses,
        &mut diagnostics,
    );
    failed::tell(&playbook, &uses, &causes, &mut diagnostics);
    attach_survey_answers(&mut playbook, sources, &mut diagnostics);
    sections::build_sections(&mut playbook);
    programs::finish_programs(&mut playbook, &mut diagnostics);
    (playbook, diagnostics)
}

/// Each survey round's answers from its file under `data/surveys/`, now
/// that every person is known.
fn attach_survey_answers(
    playbook: &mut Playbook,
    sources: &Sources,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let people: std::collections::HashSet<&str> =
        playbook.people.iter().map(|p| p.id.as_str()).collect();
    let surveys = playbook
        .pages
        .iter_mut()
        .filter_map(|p| match &mut p.kind {
            super::Kind::Surveys(surveys) => Some(surveys.iter_mut()),
            _ => None,
        })
        .flatten()
        .collect();
    survey::attach_answers(surveys, &sources.data, &people, diagnostics);
    // A goal a question names takes its results from the survey, unless
    // it has its own (`check` reports that).
    let fed: std::collections::HashSet<String> = playbook
        .pages
        .iter()
        .filter_map(|p| match &p.kind {
            super::Kind::Surveys(surveys) => Some(surveys),
            _ => None,
        })
        .flatten()
        .flat_map(|s| &s.questions)
        .filter_map(|q| q.goal.as_ref().map(|g| g.value.clone()))
        .collect();
    for page in &mut playbook.pages {
        if let super::Kind::Goals(goals) = &mut page.kind {
            for goal in goals.iter_mut().filter(|g| fed.contains(&g.id)) {
                if goal.source == super::GoalSource::Typed && goal.results.is_empty() {
                    goal.source = super::GoalSource::Survey;
                }
            }
        }
    }
}
