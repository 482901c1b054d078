//! What every page builder shares: the playbook, which pages and pairs
//! are published, each pair's progress, navigation, the templates; the
//! list of pages to render and the frame every page view starts from.

use super::markdown::{self, Rendered};
use super::nav::{Nav, root_of};
use super::views::{PageView, SiteInfo, date_label};
use super::{Options, OutputFile, search};
use crate::diagnostic::{Diagnostic, Span};
use crate::model::{Kind, Page, Pair, Playbook};
use crate::progress::PairProgress;
use crate::urls::{LinkTarget, classify_link};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use tera::Tera;

pub enum Job {
    Content(usize),
    Pair(usize),
    /// A listing for a section without a published `_index.md`.
    Section(usize),
    Progress,
    People,
    NotFound,
}

pub struct Context<'a> {
    pub(super) playbook: &'a Playbook,
    pub(super) tera: &'a Tera,
    pub(super) options: &'a Options,
    pub(super) published: &'a [bool],
    pub(super) pair_published: &'a [bool],
    pub(super) pair_progress: &'a [PairProgress],
    pub(super) nav: Nav<'a>,
    pub(super) site: SiteInfo,
    pub(super) url_by_file: HashMap<&'a str, &'a str>,
    pub(super) updated: &'a HashMap<String, chrono::NaiveDate>,
}

pub(super) type Rendering = Result<(OutputFile, Option<search::Entry>), Diagnostic>;

impl<'a> Context<'a> {
    pub fn new(
        playbook: &'a Playbook,
        tera: &'a Tera,
        options: &'a Options,
        published: &'a [bool],
        pair_published: &'a [bool],
        pair_progress: &'a [PairProgress],
        updated: &'a HashMap<String, chrono::NaiveDate>,
    ) -> Self {
        let config = &playbook.config;
        Context {
            playbook,
            tera,
            options,
            published,
            pair_published,
            pair_progress,
            nav: Nav::new(playbook, published, !playbook.people.is_empty()),
            site: SiteInfo {
                title: config.title.clone(),
                description: config.description.clone(),
                organisation: config.organisation.clone(),
                language: config.language.clone(),
                as_of: options.as_of.to_string(),
                as_of_label: date_label(options.as_of),
            },
            updated,
            url_by_file: playbook
                .pages
                .iter()
                .zip(published)
                .filter(|(_, p)| **p)
                .map(|(page, _)| (page.file.as_str(), page.url.as_str()))
                .collect(),
        }
    }

    pub fn jobs(&self) -> Vec<Job> {
        let mut jobs: Vec<Job> = (0..self.playbook.pages.len())
            .filter(|&i| self.published[i] && !matches!(self.playbook.pages[i].kind, Kind::Pair(_)))
            .map(Job::Content)
            .collect();
        jobs.extend(
            (0..self.playbook.pairs.len())
                .filter(|&i| self.pair_published[i])
                .map(Job::Pair),
        );
        jobs.extend(
            (0..self.playbook.sections.len())
                .filter(|&s| {
                    let section = &self.playbook.sections[s];
                    (s == 0 || self.nav.section_visible(s))
                        && !section.index.is_some_and(|i| self.published[i])
                })
                .map(Job::Section),
        );
        jobs.push(Job::Progress);
        if !self.playbook.people.is_empty() {
            jobs.push(Job::People);
        }
        jobs.push(Job::NotFound);
        jobs
    }

    /// The content file whose Markdown body `job`'s page shows: an edit to
    /// that body alone changes this page (and the search index) only.
    pub fn body_of(&self, job: &Job) -> Option<&'a str> {
        let page = match *job {
            Job::Content(page) => Some(page),
            Job::Pair(pair) => self.playbook.pairs[pair].page,
            _ => None,
        };
        page.map(|p| self.playbook.pages[p].file.as_str())
    }

    /// A hash of everything `job`'s page shows, for pages that show
    /// nothing of other pages but navigation (plain, non-index pages);
    /// `None` for the others, which must be rendered again after any edit
    /// to front matter. A plain page whose fingerprint is unchanged renders
    /// to the same bytes.
    pub fn fingerprint(&self, job: &Job) -> Option<u64> {
        let Job::Content(index) = *job else {
            return None;
        };
        let page = &self.playbook.pages[index];
        if !matches!(page.kind, Kind::Page) || page.is_index || page.url.is_empty() {
            return None;
        }
        let root = root_of(&page.url);
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        (
            &page.file,
            &page.url,
            &page.title,
            &page.description,
            &*page.body,
            page.section,
        )
            .hash(&mut hasher);
        self.updated.get(&page.file).hash(&mut hasher);
        self.nav
            .sidebar_fingerprint(page.section, &root)
            .hash(&mut hasher);
        self.nav
            .breadcrumbs(page.section, true, &root)
            .hash(&mut hasher);
        self.nav.prev_next(index, &root).hash(&mut hasher);
        Some(hasher.finish())
    }

    pub fn render(&self, job: &Job) -> Rendering {
        match *job {
            Job::Content(page) => self.content_page(page),
            Job::Pair(pair) => self.pair_page(pair),
            Job::Section(section) => self.section_page(section),
            Job::Progress => self.progress_page(),
            Job::People => self.people_page(),
            Job::NotFound => self.not_found_page(),
        }
    }

    pub(super) fn blank(&self, url: &str, title: String, kind: &'static str) -> PageView<'_> {
        PageView {
            site: &self.site,
            root: root_of(url),
            canonical: self.canonical(url),
            edit_url: None,
            updated: None,
            updated_label: None,
            title,
            description: String::new(),
            kind,
            content: String::new(),
            toc: Vec::new(),
            sidebar: String::new(),
            breadcrumbs: Vec::new(),
            prev: None,
            next: None,
            home: None,
            of_kind: None,
            section: None,
        }
    }

    /// Edit link and last change of the page's source file.
    pub(super) fn source_facts(&self, view: &mut PageView, file: &str) {
        let edit = &self.playbook.config.edit_url;
        if !edit.is_empty() {
            view.edit_url = Some(format!("{edit}{file}"));
        }
        if let Some(date) = self.updated.get(file) {
            view.updated = Some(date.to_string());
            view.updated_label = Some(date_label(*date));
        }
    }

    /// The page's absolute address, when `base_url` is set.
    pub(super) fn canonical(&self, url: &str) -> Option<String> {
        let base = self.playbook.config.base_url.trim_end_matches('/');
        (!base.is_empty()).then(|| format!("{base}/{url}"))
    }

    pub(super) fn finish(
        &self,
        template: &str,
        url: &str,
        view: &PageView,
        source: &str,
    ) -> Result<OutputFile, Diagnostic> {
        let context = tera::Context::from_serialize(view)
            .map_err(|e| template_failure(source, template, &e))?;
        let html = self
            .tera
            .render(template, &context)
            .map_err(|e| template_failure(source, template, &e))?;
        Ok(OutputFile {
            path: format!("{url}index.html"),
            bytes: html.into_bytes(),
        })
    }

    pub(super) fn markdown(&self, page: &Page, root: &str) -> Rendered {
        let resolve = |dest: &str| match classify_link(&page.file, dest) {
            LinkTarget::Page { file, anchor } => self.url_by_file.get(file.as_str()).map(|url| {
                let anchor = anchor.map_or_else(String::new, |a| format!("#{a}"));
                format!("{root}{url}{anchor}")
            }),
            _ => None,
        };
        markdown::render(&page.body, &resolve, self.playbook.config.raw_html)
    }

    pub(super) fn section_title(&self, section: usize) -> String {
        if section == 0 {
            return String::new();
        }
        self.playbook.sections[section].title.clone()
    }

    pub(super) fn published_pairs(&self) -> impl Iterator<Item = (usize, &Pair)> {
        self.playbook
            .pairs
            .iter()
            .enumerate()
            .filter(|(i, _)| self.pair_published[*i])
    }
}

fn template_failure(source: &str, template: &str, err: &tera::Error) -> Diagnostic {
    use std::error::Error as _;
    let mut message = err.to_string();
    let mut inner = err.source();
    while let Some(e) = inner {
        message.push_str(": ");
        message.push_str(&e.to_string());
        inner = e.source();
    }
    Diagnostic::error(
        "template",
        Span::file(source),
        format!("rendering with {template} failed: {message}"),
    )
    .with_hint("check the template named, or the site's templates/ override of it")
}
