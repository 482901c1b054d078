//! `print.html`: the whole playbook on one page (`print/`), to print or
//! save as a PDF for a leadership pack: the home page, then each section's
//! pages in navigation order (plain pages, guides with their steps, session
//! templates, goals with their chart), each a chapter with its own anchor,
//! under a table of contents. Pages are published here as everywhere
//! (`published`: drafts only with `--drafts`); rosters and pairs stay on
//! their own pages and the dashboard, so nothing of a pair is printed but
//! the home page's figures (counted through `Pair::public`, like the home
//! page's).

use super::context::{Context, Rendering};
use super::markdown::{self, Scope};
use super::nav::root_of;
use super::page::ContentKind;
use super::views::HomeView;
use crate::model::{Kind, Page};
use crate::source::markdown::HeadingIds;
use crate::urls::{self, LinkTarget, classify_link};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;

/// At most this many pages are printed: past a few hundred sheets a
/// printed playbook is no longer read, and the page (rendered again on
/// every edit under `serve`) would grow with the whole site.
pub const MAX_CHAPTERS: usize = 300;

/// The print page's own part of the context, under `print`.
#[derive(Debug, Serialize)]
struct PrintPage {
    print: PrintView,
}

#[derive(Debug, Serialize)]
pub struct PrintView {
    pub contents: Vec<Contents>,
    pub chapters: Vec<Chapter>,
    /// Pages past `MAX_CHAPTERS`, left out.
    pub left_out: usize,
}

/// An entry of the table of contents: a level-2 chapter and the level-3
/// chapters under it.
#[derive(Debug, Serialize)]
pub struct Contents {
    pub id: String,
    pub title: String,
    pub children: Vec<Contents>,
}

/// One page of the playbook as a part of the print page.
#[derive(Debug, Serialize)]
pub struct Chapter {
    /// The id of the chapter's heading; the ids in its body start with
    /// this and `--`.
    pub id: String,
    /// 2 for the top level's pages and each section's first (its
    /// `_index.md`, or its title when it has none); 3 for a section's pages.
    pub level: u8,
    /// The page's own address on the site.
    pub href: String,
    pub title: String,
    pub description: String,
    /// `page`, `goals`, `guide`, `step` or `session`; `section` for a
    /// section's title alone.
    pub kind: &'static str,
    /// Starts a new sheet of paper: every level-2 chapter and every session
    /// template (so that each can be handed out on its own).
    pub new_sheet: bool,
    /// The Markdown body (sanitised), its headings moved under the
    /// chapter's title.
    pub content: String,
    /// On the home page's chapter: its key figures.
    pub home: Option<HomeView>,
    #[serde(flatten)]
    pub of_kind: Option<ContentKind>,
}

/// A place in the print page's outline: a page, or a section's title when
/// the section has no page of its own.
#[derive(Clone, Copy)]
enum Entry {
    Page(usize),
    Section(usize),
}

impl Context<'_> {
    pub(super) fn print_page(&self) -> Rendering {
        let url = urls::print_url();
        let root = root_of(url);
        let mut view = self.blank::<PrintPage>(url, self.site.title.clone(), "print");
        view.description = self.site.description.clone();
        view.sidebar = self.nav.sidebar_html(0, url, &root);
        let mut outline = self.print_outline();
        let left_out = outline.len().saturating_sub(MAX_CHAPTERS);
        outline.truncate(MAX_CHAPTERS);
        let ids = chapter_ids(self, &outline);
        let page_ids: HashMap<usize, &str> = outline
            .iter()
            .zip(&ids)
            .filter_map(|((entry, _), id)| match entry {
                Entry::Page(p) => Some((*p, id.as_str())),
                Entry::Section(_) => None,
            })
            .collect();
        let chapters: Vec<Chapter> = outline
            .par_iter()
            .zip(&ids)
            .map(|(&(entry, level), id)| self.chapter(entry, level, id, &page_ids, &root))
            .collect();
        view.of_kind = Some(PrintPage {
            print: PrintView {
                contents: contents(&chapters),
                chapters,
                left_out,
            },
        });
        Ok((self.finish("print.html", url, &view, "content")?, None))
    }

    /// What the print page holds, in navigation order, each with its level:
    /// a walk of the section tree (with a stack: folders nest as deep as
    /// the input does).
    fn print_outline(&self) -> Vec<(Entry, u8)> {
        let printed = |p: usize| self.printed(p);
        let mut outline = Vec::new();
        let mut stack = vec![0];
        while let Some(s) = stack.pop() {
            let section = &self.playbook.sections[s];
            stack.extend(section.children.iter().rev());
            if s != 0 && !self.nav.section_visible(s) {
                continue;
            }
            let index = section.index.filter(|&i| printed(i));
            let pages: Vec<usize> = self
                .nav
                .section_pages(s)
                .into_iter()
                .filter(|&p| printed(p))
                .collect();
            let level = if s == 0 { 2 } else { 3 };
            match index {
                Some(i) => outline.push((Entry::Page(i), 2)),
                None if s != 0 && !pages.is_empty() => outline.push((Entry::Section(s), 2)),
                None => {}
            }
            outline.extend(pages.into_iter().map(|p| (Entry::Page(p), level)));
        }
        outline
    }

    /// Whether page `p` is printed (if the page has room for it): a
    /// published page of the playbook, not a roster or a pair.
    pub(super) fn printed(&self, p: usize) -> bool {
        self.published[p]
            && matches!(
                self.playbook.pages[p].kind,
                Kind::Page | Kind::Goals(_) | Kind::Guide | Kind::Step(_) | Kind::Session(_)
            )
    }

    fn chapter(
        &self,
        entry: Entry,
        level: u8,
        id: &str,
        page_ids: &HashMap<usize, &str>,
        root: &str,
    ) -> Chapter {
        let page = match entry {
            Entry::Page(p) => &self.playbook.pages[p],
            Entry::Section(s) => {
                return Chapter {
                    id: id.to_string(),
                    level,
                    href: format!("{root}{}", self.nav.section_url(s)),
                    title: self.playbook.sections[s].title.clone(),
                    description: String::new(),
                    kind: "section",
                    new_sheet: true,
                    content: String::new(),
                    home: None,
                    of_kind: None,
                };
            }
        };
        let prefix = format!("{id}--");
        let scope = Scope {
            id_prefix: &prefix,
            shift: level - 1,
            messages: Some(&self.playbook.messages),
        };
        let resolve = |dest: &str| self.print_link(page, dest, &prefix, page_ids, root);
        let body = markdown::render_in(&page.body, &resolve, self.playbook.config.raw_html, scope);
        Chapter {
            id: id.to_string(),
            level,
            href: format!("{root}{}", page.url),
            title: page.title.clone(),
            description: page.description.clone(),
            kind: page.kind.name(),
            new_sheet: level == 2 || matches!(page.kind, Kind::Session(_)),
            content: body.html,
            home: page.url.is_empty().then(|| self.home(root)),
            of_kind: self.kind_view(page, root),
        }
    }

    /// Where a link written in `page` goes from the print page: to the
    /// chapter of a printed page (and its heading), else to the page on
    /// the site, as on `page` itself.
    fn print_link(
        &self,
        page: &Page,
        dest: &str,
        prefix: &str,
        page_ids: &HashMap<usize, &str>,
        root: &str,
    ) -> Option<String> {
        match classify_link(&page.file, &page.url, dest) {
            LinkTarget::Page { file, anchor } => {
                let target = self
                    .playbook
                    .page_of_file(&file)
                    .filter(|&i| self.published[i])?;
                Some(match (page_ids.get(&target), anchor) {
                    (Some(id), Some(anchor)) => format!("#{id}--{anchor}"),
                    (Some(id), None) => format!("#{id}"),
                    (None, anchor) => format!(
                        "{root}{}{}",
                        self.playbook.pages[target].url,
                        anchor.map_or_else(String::new, |a| format!("#{a}"))
                    ),
                })
            }
            LinkTarget::Anchor("") => None,
            LinkTarget::Anchor(anchor) => Some(format!("#{prefix}{anchor}")),
            LinkTarget::Output {
                path: Some(path),
                anchor: Some(anchor),
                ..
            } if self.person_entry(&path, anchor, root).is_some() => {
                self.person_entry(&path, anchor, root)
            }
            // A path of the site, as the page's own address resolves it.
            LinkTarget::Output {
                path: Some(path),
                anchor,
                ..
            } => Some(format!(
                "{root}{path}{}",
                anchor.map_or_else(String::new, |a| format!("#{a}"))
            )),
            LinkTarget::Output { path: None, .. } | LinkTarget::External => None,
        }
    }
}

/// Each chapter's id, from its address (`p-launch-01-define-goals`), unique
/// on the page and never one of the theme's.
fn chapter_ids(context: &Context, outline: &[(Entry, u8)]) -> Vec<String> {
    let mut ids = HeadingIds::default();
    outline
        .iter()
        .map(|(entry, _)| {
            let name = match *entry {
                Entry::Page(p) if context.playbook.pages[p].url.is_empty() => "home",
                Entry::Page(p) => context.playbook.pages[p].url.as_str(),
                Entry::Section(s) => context.playbook.sections[s].path.as_str(),
            };
            ids.assign(None, &format!("p {name}"))
        })
        .collect()
}

/// The table of contents: level-3 chapters under the level-2 one before.
fn contents(chapters: &[Chapter]) -> Vec<Contents> {
    let mut out: Vec<Contents> = Vec::new();
    for chapter in chapters {
        let entry = Contents {
            id: chapter.id.clone(),
            title: chapter.title.clone(),
            children: Vec::new(),
        };
        match out.last_mut() {
            Some(parent) if chapter.level > 2 => parent.children.push(entry),
            _ => out.push(entry),
        }
    }
    out
}
