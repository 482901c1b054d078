//! What every page builder shares: the playbook, which pages and pairs
//! are published, each pair's progress, navigation, the templates; the
//! list of pages to render and the frame every page view starts from.

use super::chrome::{ChromeCache, Shared};
use super::markdown::{self, Rendered};
use super::nav::{Nav, root_of};
use super::people_index::PeopleIndex;
use super::theme::Frame;
use super::views::{PageView, SiteInfo, date_label};
use super::{Options, OutputFile, search};
use crate::diagnostic::{Code, Diagnostic, Span};
use crate::model::site::Published;
use crate::model::survey::SurveyReport;
use crate::model::{Page, Playbook, PublicPair};
use crate::progress::{PairProgress, Program, Progress};
use crate::source::markdown::Scan;
use crate::urls::{LinkTarget, classify_link};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};
use tera::Tera;

pub struct Context<'a> {
    pub(super) playbook: &'a Playbook,
    pub(super) tera: &'a Tera,
    pub(super) options: &'a Options,
    pub(super) published: &'a [bool],
    /// Which pages, pairs, sections and people are published.
    pub(super) publishes: &'a Published,
    /// Every pair as it may be published: builders read pairs only here.
    pub(super) pairs: &'a [PublicPair<'a>],
    pub(super) pair_published: &'a [bool],
    pub(super) pair_progress: &'a [PairProgress],
    /// Surveys' publishable figures: the only survey data pages see.
    pub(super) surveys: &'a [SurveyReport],
    pub(super) nav: Nav<'a>,
    /// Who reports to whom and is in which pair.
    pub(super) people: PeopleIndex,
    pub(super) site: SiteInfo,
    pub(super) updated: &'a HashMap<String, chrono::NaiveDate>,
    /// Each program's facts (the site's first), worked out once per
    /// render: the home page, goals, dashboard and print pages all ask,
    /// and each time walked every pair's sessions.
    programs: Vec<OnceLock<Arc<Program>>>,
    /// How many pairs use each session template (`session_view`).
    pub(super) template_uses: OnceLock<HashMap<String, usize>>,
    /// The scans of the bodies rendered whose scan the model left to
    /// render (`Page::scan_pending`), by content file.
    pub(super) scans: std::sync::Mutex<Vec<(String, Scan)>>,
    /// The site header and footer of each folder depth (`chrome`).
    chrome: ChromeCache,
    /// Which of them the templates print.
    frame: Frame,
}

/// What every page needs besides the playbook: which pages are published
/// and each pair's progress.
pub(super) struct Inputs<'a> {
    pub(super) playbook: &'a Playbook,
    pub(super) options: &'a Options,
    /// What is published (`model::site`, which `check` asks too).
    pub(super) site: Published,
    /// Every pair as it may be published (`Pair::public`): no page or
    /// export reads a pair any other way.
    pub(super) pairs: Vec<PublicPair<'a>>,
    pub(super) pair_progress: &'a [PairProgress],
    pub(super) surveys: &'a [SurveyReport],
}

impl<'a> Inputs<'a> {
    pub(super) fn new(
        playbook: &'a Playbook,
        progress: &'a Progress,
        options: &'a Options,
    ) -> Inputs<'a> {
        let site = Published::of(playbook, options.drafts);
        let pairs: Vec<PublicPair> = playbook
            .pairs
            .par_iter()
            .map(|p| p.public(&site.pages))
            .collect();
        Inputs {
            playbook,
            options,
            site,
            pairs,
            pair_progress: &progress.pairs,
            surveys: &progress.surveys,
        }
    }

    pub(super) fn context<'b>(
        &'b self,
        theme: &'b super::Theme,
        updated: &'b HashMap<String, chrono::NaiveDate>,
    ) -> Context<'b> {
        Context::new(self, theme, updated)
    }
}

pub(super) type Rendering = Result<(OutputFile, Option<search::Entry>), Diagnostic>;

impl<'a> Context<'a> {
    pub fn new(
        inputs: &'a Inputs<'a>,
        theme: &'a super::Theme,
        updated: &'a HashMap<String, chrono::NaiveDate>,
    ) -> Self {
        let Inputs {
            playbook,
            options,
            ref site,
            ref pairs,
            pair_progress,
            surveys,
        } = *inputs;
        let config = &playbook.config;
        Context {
            playbook,
            tera: &theme.tera,
            frame: theme.frame,
            options,
            published: &site.pages,
            publishes: site,
            pairs,
            pair_published: &site.pairs,
            pair_progress,
            surveys,
            nav: Nav::new(playbook, &site.pages, &site.sections, site.people),
            people: PeopleIndex::new(playbook, &site.persons, pairs),
            site: SiteInfo {
                title: config.title.clone(),
                description: config.description.clone(),
                organisation: config.organisation.clone(),
                language: config.language.clone(),
                as_of: options.as_of.to_string(),
                as_of_label: date_label(&playbook.messages, options.as_of),
                search_messages: super::search::messages_json(&playbook.messages, &config.language),
            },
            updated,
            programs: (0..=playbook.programs.len())
                .map(|_| OnceLock::new())
                .collect(),
            template_uses: OnceLock::new(),
            scans: std::sync::Mutex::default(),
            chrome: ChromeCache::default(),
        }
    }

    /// Program `scope`'s facts (every program's with `None`), with the
    /// survey figures that feed goals: what goals' series and the cohort
    /// table are computed from.
    pub(super) fn program(&self, scope: Option<usize>) -> Arc<Program> {
        let make = || Arc::new(Program::of(self.playbook, scope).with_surveys(self.surveys));
        match self.programs.get(scope.map_or(0, |p| p + 1)) {
            Some(kept) => Arc::clone(kept.get_or_init(make)),
            None => make(),
        }
    }

    pub(super) fn blank<K: Serialize>(
        &self,
        url: &str,
        title: String,
        kind: &'static str,
    ) -> PageView<'_, K> {
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
            draft: false,
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
    pub(super) fn source_facts<K: Serialize>(&self, view: &mut PageView<K>, file: &str) {
        let edit = &self.playbook.config.edit_url;
        if !edit.is_empty() {
            view.edit_url = Some(format!("{edit}{file}"));
        }
        if let Some(date) = self.updated.get(file) {
            view.updated = Some(date.to_string());
            view.updated_label = Some(date_label(&self.playbook.messages, *date));
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
        view: &PageView<impl Serialize>,
        source: &str,
    ) -> Result<OutputFile, Diagnostic> {
        let mut context = view
            .context()
            .map_err(|e| template_failure(source, template, &e))?;
        let shared = Shared {
            tera: self.tera,
            site: &self.site,
            root: &view.root,
        };
        let fail = |partial: &str, e: &tera::Error| template_failure(source, partial, e);
        self.chrome
            .frame_into(&mut context, &shared, self.frame, &view.breadcrumbs, &fail)?;
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
        let resolve = |dest: &str| match classify_link(&page.file, &page.url, dest) {
            LinkTarget::Page { file, anchor } => self.published_page_of(&file).map(|url| {
                let anchor = anchor.map_or_else(String::new, |a| format!("#{a}"));
                format!("{root}{url}{anchor}")
            }),
            LinkTarget::Output {
                path: Some(path),
                anchor: Some(anchor),
                ..
            } if self.person_entry(&path, anchor, root).is_some() => {
                self.person_entry(&path, anchor, root)
            }
            // From the site's root, wherever the site is put.
            LinkTarget::Output { rooted: true, .. } => {
                let dest = dest.trim_start_matches(|c: char| c <= ' ');
                dest.strip_prefix('/').map(|rest| format!("{root}{rest}"))
            }
            _ => None,
        };
        let scope = markdown::Scope {
            messages: Some(&self.playbook.messages),
            ..markdown::Scope::default()
        };
        let raw_html = self.playbook.config.raw_html;
        let Some(places) = &page.scan_pending else {
            return markdown::render_in(&page.body, &resolve, raw_html, scope);
        };
        let first_line = places.scan_first_line();
        let (rendered, scan) =
            markdown::render_and_scan(&page.body, first_line, &resolve, raw_html, scope);
        if let Ok(mut scans) = self.scans.lock() {
            scans.push((page.file.clone(), scan));
        }
        rendered
    }

    /// The scans `markdown` made, taken.
    pub(super) fn take_scans(&self) -> Vec<(String, Scan)> {
        self.scans
            .lock()
            .map(|mut scans| std::mem::take(&mut *scans))
            .unwrap_or_default()
    }

    /// A link to a person's entry in the directory (`people/#person-ana`,
    /// the address before the directory was split by initial) goes to
    /// their own page: the directory no longer lists everyone on one page.
    pub(super) fn person_entry(&self, path: &str, anchor: &str, root: &str) -> Option<String> {
        if path != crate::urls::people_url() {
            return None;
        }
        let person = self
            .people
            .by_anchor(self.playbook, &self.publishes.persons, anchor)?;
        let id = &self.playbook.people[person].id;
        Some(format!("{root}{}", crate::urls::person_url(id)))
    }

    pub(super) fn section_title(&self, section: usize) -> String {
        if section == 0 {
            return String::new();
        }
        self.playbook.sections[section].title.clone()
    }

    /// The address of the published page read from `file`.
    fn published_page_of(&self, file: &str) -> Option<&str> {
        let page = self
            .playbook
            .page_of_file(file)
            .filter(|&i| self.published[i])?;
        Some(&self.playbook.pages[page].url)
    }

    pub(super) fn published_pairs(&self) -> impl Iterator<Item = (usize, &PublicPair<'_>)> {
        self.pairs
            .iter()
            .enumerate()
            .filter(|(i, _)| self.pair_published[*i])
    }

    /// The published pairs that count in the program's figures (home page,
    /// dashboard): not those of a draft roster, a proposal that people
    /// have not said yes to, even when built with `--drafts`.
    pub(super) fn counted_pairs(&self) -> impl Iterator<Item = (usize, &PublicPair<'_>)> {
        self.published_pairs().filter(|(_, pair)| !pair.draft)
    }

    /// Page `index` is in program `scope` (any page with `None`).
    pub(super) fn in_scope(&self, index: usize, scope: Option<usize>) -> bool {
        scope.is_none_or(|s| self.playbook.pages[index].program == Some(s))
    }
}

/// Which pages are published, by index: drafts only with `--drafts`.
pub fn published_pages(playbook: &Playbook, options: &Options) -> Vec<bool> {
    Published::of(playbook, options.drafts).pages
}

fn template_failure(source: &str, template: &str, err: &tera::Error) -> Diagnostic {
    let message = super::theme::error_chain(err);
    Diagnostic::error(
        Code::Template,
        Span::file(source),
        format!("rendering with {template} failed: {message}"),
    )
    .with_hint("check the template named, or the site's templates/ override of it")
}
