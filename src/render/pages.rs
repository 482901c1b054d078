//! One job per output page; each builds its `PageView` and renders it.

use super::markdown::{self, Rendered};
use super::nav::{Nav, nav_title, root_of};
use super::views::*;
use super::{Options, OutputFile, chart, search};
use crate::diagnostic::{Diagnostic, Span};
use crate::model::{Kind, Page, Pair, PairOverride, Playbook};
use crate::progress::{self, GuideProgress, PairProgress, PairStatus};
use crate::urls::{self, LinkTarget, classify_link};
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
    playbook: &'a Playbook,
    tera: &'a Tera,
    options: &'a Options,
    published: &'a [bool],
    pair_published: &'a [bool],
    pair_progress: &'a [PairProgress],
    nav: Nav<'a>,
    site: SiteInfo,
    url_by_file: HashMap<&'a str, &'a str>,
    updated: &'a HashMap<String, chrono::NaiveDate>,
}

type Rendering = Result<(OutputFile, Option<search::Entry>), Diagnostic>;

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

    fn blank(&self, url: &str, title: String, kind: &'static str) -> PageView<'_> {
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
            goals: None,
            guide: None,
            step: None,
            session: None,
            roster: None,
            pair: None,
            progress: None,
            people: None,
            section: None,
        }
    }

    /// Edit link and last change of the page's source file.
    fn source_facts(&self, view: &mut PageView, file: &str) {
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
    fn canonical(&self, url: &str) -> Option<String> {
        let base = self.playbook.config.base_url.trim_end_matches('/');
        (!base.is_empty()).then(|| format!("{base}/{url}"))
    }

    fn finish(
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

    fn markdown(&self, page: &Page, root: &str) -> Rendered {
        let resolve = |dest: &str| match classify_link(&page.file, dest) {
            LinkTarget::Page { file, anchor } => self.url_by_file.get(file.as_str()).map(|url| {
                let anchor = anchor.map_or_else(String::new, |a| format!("#{a}"));
                format!("{root}{url}{anchor}")
            }),
            _ => None,
        };
        markdown::render(&page.body, &resolve, self.playbook.config.raw_html)
    }

    fn section_title(&self, section: usize) -> String {
        if section == 0 {
            return String::new();
        }
        self.playbook.sections[section].title.clone()
    }

    fn content_page(&self, index: usize) -> Rendering {
        let page = &self.playbook.pages[index];
        let root = root_of(&page.url);
        let rendered = self.markdown(page, &root);
        let mut view = self.blank(&page.url, page.title.clone(), page.kind.name());
        view.description = page.description.clone();
        view.content = rendered.html;
        view.toc = rendered.toc.clone();
        self.source_facts(&mut view, &page.file);
        view.sidebar = self.nav.sidebar_html(page.section, &page.url, &root);
        view.breadcrumbs = if page.url.is_empty() {
            Vec::new()
        } else {
            self.nav.breadcrumbs(page.section, !page.is_index, &root)
        };
        (view.prev, view.next) = self.nav.prev_next(index, &root);
        if page.is_index {
            view.section = Some(self.section_summaries(page.section, &root));
        }
        if page.url.is_empty() {
            view.home = Some(self.home(&root));
        }
        match &page.kind {
            Kind::Goals(goals) => {
                let refs: Vec<&crate::model::Goal> = goals.iter().collect();
                let rows: Vec<GoalRow> = refs
                    .iter()
                    .map(|g| goal_row(g, &progress::goal_progress(g, self.options.as_of)))
                    .collect();
                view.goals = Some(GoalsView {
                    chart: chart::goals_chart(&refs, &rows),
                    rows,
                });
            }
            Kind::Guide => view.guide = Some(self.guide(page.section, &root)),
            Kind::Step(step) => {
                let guide_index = self.playbook.sections[page.section].index.filter(|&i| {
                    self.published[i] && matches!(self.playbook.pages[i].kind, Kind::Guide)
                });
                view.step = Some(StepView {
                    row: self.step_row(page, step, &root),
                    owner_href: self
                        .playbook
                        .person(&step.owner)
                        .map(|p| format!("{root}{}", urls::person_url(&p.id))),
                    guide: guide_index.map(|i| Link {
                        title: self.playbook.pages[i].title.clone(),
                        href: format!("{root}{}", self.playbook.pages[i].url),
                    }),
                });
            }
            Kind::Session(template) => {
                let used_by = self
                    .playbook
                    .pairs
                    .iter()
                    .zip(self.pair_published)
                    .filter(|(pair, published)| {
                        **published
                            && pair.sessions.iter().any(|s| {
                                counts_sessions_as_use(s.status)
                                    && s.template.as_ref().is_some_and(|t| t.value == page.id)
                            })
                    })
                    .count();
                view.session = Some(SessionView {
                    duration: template.duration.as_ref().map(|d| d.value),
                    order: template.order,
                    week: template.week,
                    agenda: template.agenda.clone(),
                    total_minutes: template.agenda.iter().map(|a| a.minutes).sum(),
                    prepare: template.prepare.clone(),
                    prompts: template.prompts.clone(),
                    used_by,
                });
            }
            Kind::Roster(roster) => {
                let mut rows: Vec<PairRow> = roster
                    .pairs
                    .iter()
                    .map(|&p| {
                        pair_row(
                            self.playbook,
                            &self.playbook.pairs[p],
                            &self.pair_progress[p],
                            &root,
                        )
                    })
                    .collect();
                rows.sort_by_key(|r| r.status_rank);
                view.roster = Some(RosterView {
                    cohort: roster.cohort.clone(),
                    start: roster
                        .start
                        .as_ref()
                        .map(|d| date_label(d.value))
                        .unwrap_or_default(),
                    end: roster
                        .end
                        .as_ref()
                        .map(|d| date_label(d.value))
                        .unwrap_or_default(),
                    cadence: roster.cadence.label(),
                    counts: status_counts(
                        roster.pairs.iter().map(|&p| &self.pair_progress[p].status),
                    ),
                    rows,
                });
            }
            Kind::Page | Kind::Pair(_) => {}
        }
        let template = format!("{}.html", page.kind.name());
        let file = self.finish(&template, &page.url, &view, &page.file)?;
        let headings: Vec<String> = rendered.toc.iter().map(|t| t.title.clone()).collect();
        let mut text = page.description.clone();
        text.push(' ');
        text.push_str(&rendered.text);
        let entry = search::entry(
            &page.title,
            &self.section_title(page.section),
            &page.url,
            &headings,
            &text,
        );
        Ok((file, Some(entry)))
    }

    fn section_summaries(&self, section: usize, root: &str) -> Vec<PageSummary> {
        let mut list: Vec<PageSummary> = self
            .nav
            .section_pages(section)
            .into_iter()
            .map(|p| {
                let page = &self.playbook.pages[p];
                PageSummary {
                    title: nav_title(page),
                    href: format!("{root}{}", page.url),
                    description: page.description.clone(),
                }
            })
            .collect();
        for &child in &self.playbook.sections[section].children {
            if self.nav.section_visible(child) {
                let s = &self.playbook.sections[child];
                list.push(PageSummary {
                    title: s.title.clone(),
                    href: format!("{root}{}", self.nav.section_url(child)),
                    description: s
                        .index
                        .map(|i| self.playbook.pages[i].description.clone())
                        .unwrap_or_default(),
                });
            }
        }
        list
    }

    fn step_row(&self, page: &Page, step: &crate::model::Step, root: &str) -> StepRow {
        let (due, due_label) = opt_date(step.due);
        StepRow {
            number: step.order.map(|n| n.to_string()).unwrap_or_default(),
            title: page.title.clone(),
            href: format!("{root}{}", page.url),
            owner: self
                .playbook
                .person(&step.owner)
                .map_or_else(|| step.owner.clone(), |p| p.name.clone()),
            due,
            due_label,
            status: step.status.label(),
            overdue: progress::step_is_overdue(step, self.options.as_of),
            checklist_done: page.scan.tasks_done,
            checklist_total: page.scan.tasks_total,
        }
    }

    fn guide_steps(&self, section: usize) -> Vec<usize> {
        self.nav
            .section_pages(section)
            .into_iter()
            .filter(|&p| matches!(self.playbook.pages[p].kind, Kind::Step(_)))
            .collect()
    }

    fn guide_progress(&self, section: usize) -> GuideProgress {
        let steps: Vec<_> = self
            .guide_steps(section)
            .into_iter()
            .filter_map(|p| {
                let page = &self.playbook.pages[p];
                match &page.kind {
                    Kind::Step(step) => Some((step, (page.scan.tasks_done, page.scan.tasks_total))),
                    _ => None,
                }
            })
            .collect();
        progress::guide_progress(&steps, self.options.as_of)
    }

    fn guide(&self, section: usize, root: &str) -> GuideView {
        let steps = self
            .guide_steps(section)
            .into_iter()
            .filter_map(|p| {
                let page = &self.playbook.pages[p];
                match &page.kind {
                    Kind::Step(step) => Some(self.step_row(page, step, root)),
                    _ => None,
                }
            })
            .collect();
        let progress = self.guide_progress(section);
        GuideView {
            steps,
            percent: progress.percent_done(),
            progress,
        }
    }

    fn guides(&self, root: &str) -> Vec<GuideSummary> {
        self.playbook
            .pages
            .iter()
            .enumerate()
            .filter(|(i, p)| self.published[*i] && matches!(p.kind, Kind::Guide))
            .map(|(_, page)| {
                let progress = self.guide_progress(page.section);
                GuideSummary {
                    title: page.title.clone(),
                    href: format!("{root}{}", page.url),
                    percent: progress.percent_done(),
                    progress,
                }
            })
            .collect()
    }

    fn all_goal_rows(&self) -> Vec<GoalRow> {
        self.playbook
            .pages
            .iter()
            .enumerate()
            .filter(|(i, _)| self.published[*i])
            .flat_map(|(_, p)| match &p.kind {
                Kind::Goals(goals) => goals.iter().collect(),
                _ => Vec::new(),
            })
            .map(|g| goal_row(g, &progress::goal_progress(g, self.options.as_of)))
            .collect()
    }

    fn published_pairs(&self) -> impl Iterator<Item = (usize, &Pair)> {
        self.playbook
            .pairs
            .iter()
            .enumerate()
            .filter(|(i, _)| self.pair_published[*i])
    }

    fn home(&self, root: &str) -> HomeView {
        let statuses: Vec<PairStatus> = self
            .published_pairs()
            .map(|(i, _)| self.pair_progress[i].status)
            .collect();
        let running = statuses
            .iter()
            .filter(|s| {
                matches!(
                    s,
                    PairStatus::OnTrack | PairStatus::AtRisk | PairStatus::Stalled
                )
            })
            .count();
        let on_track = statuses
            .iter()
            .filter(|s| **s == PairStatus::OnTrack)
            .count();
        let held: u32 = self
            .published_pairs()
            .map(|(i, _)| self.pair_progress[i].held)
            .sum();
        let guides = self.guides(root);
        let steps: usize = guides.iter().map(|g| g.progress.steps).sum();
        let steps_done: usize = guides.iter().map(|g| g.progress.done).sum();
        let goals = self.all_goal_rows();
        let reached = goals.iter().filter(|g| g.status_slug == "reached").count();
        let mut figures = vec![
            Figure {
                label: "Pairs".into(),
                value: statuses.len().to_string(),
                note: format!("{running} meeting now"),
            },
            Figure {
                label: "Sessions held".into(),
                value: held.to_string(),
                note: format!("as of {}", self.site.as_of_label),
            },
            Figure {
                label: "On track".into(),
                value: format!("{}%", progress::percent(on_track, running)),
                note: format!("{on_track} of {running} meeting pairs"),
            },
        ];
        if steps > 0 {
            figures.push(Figure {
                label: "Launch steps done".into(),
                value: format!("{steps_done} of {steps}"),
                note: String::new(),
            });
        }
        if !goals.is_empty() {
            figures.push(Figure {
                label: "Goals reached".into(),
                value: format!("{reached} of {}", goals.len()),
                note: String::new(),
            });
        }
        HomeView {
            figures,
            progress_href: format!("{root}{}", urls::progress_url()),
        }
    }

    fn pair_page(&self, index: usize) -> Rendering {
        let pair = &self.playbook.pairs[index];
        let url = urls::pair_url(&pair.id.value);
        let root = root_of(&url);
        let progress = &self.pair_progress[index];
        let mentor = person_view(self.playbook, pair.mentor.as_ref(), &root);
        let mentee = person_view(self.playbook, pair.mentee.as_ref(), &root);
        let own_page = pair
            .page
            .filter(|&p| self.published[p])
            .map(|p| &self.playbook.pages[p]);
        let title = self.pair_title(pair);
        let mut view = self.blank(&url, title.clone(), "pair");
        let roster_page = &self.playbook.pages[pair.roster];
        let mut text = String::new();
        if let Some(page) = own_page.filter(|_| !pair.confidential) {
            let rendered = self.markdown(page, &root);
            view.content = rendered.html;
            view.toc = rendered.toc;
            view.description = page.description.clone();
            text = rendered.text;
        }
        view.sidebar = self
            .nav
            .sidebar_html_within(roster_page.section, &roster_page.url, &root);
        view.breadcrumbs = self.nav.breadcrumbs(roster_page.section, true, &root);
        view.breadcrumbs.push(Link {
            title: roster_page.title.clone(),
            href: format!("{root}{}", roster_page.url),
        });
        if let Kind::Roster(roster) = &roster_page.kind {
            let at = roster.pairs.iter().position(|&p| p == index);
            let link = |p: usize| {
                let other = &self.playbook.pairs[p];
                Link {
                    title: self.pair_title(other),
                    href: format!("{root}{}", urls::pair_url(&other.id.value)),
                }
            };
            if let Some(at) = at {
                view.prev = at.checked_sub(1).map(|i| link(roster.pairs[i]));
                view.next = roster.pairs.get(at + 1).map(|&p| link(p));
            }
        }
        let bar_max = progress
            .planned
            .unwrap_or(progress.expected)
            .max(progress.held)
            .max(1);
        let (start, end) = (
            pair.start
                .as_ref()
                .map(|s| date_label(s.value))
                .unwrap_or_default(),
            pair.end.map(date_label).unwrap_or_default(),
        );
        view.pair = Some(PairView {
            id: pair.id.value.clone(),
            roster: Link {
                title: roster_page.title.clone(),
                href: format!("{root}{}", roster_page.url),
            },
            cohort: cohort_of(self.playbook, pair),
            confidential: pair.confidential,
            topics: if pair.confidential {
                Vec::new()
            } else {
                pair.topics.clone()
            },
            goals: if pair.confidential {
                Vec::new()
            } else {
                pair.goals.clone()
            },
            sessions: session_rows(self.playbook, pair, &root),
            row: pair_row(self.playbook, pair, progress, &root),
            start,
            end,
            cadence: pair.cadence.label(),
            bar_max,
            percent: progress::percent(progress.held as usize, bar_max as usize),
            mentor: mentor.clone(),
            mentee: mentee.clone(),
        });
        let source = own_page.map_or(roster_page.file.as_str(), |p| p.file.as_str());
        self.source_facts(&mut view, source);
        let file = self.finish("pair.html", &url, &view, source)?;
        if !pair.confidential {
            text.push(' ');
            text.push_str(&pair.topics.join(" "));
        }
        let entry = search::entry(&title, &roster_page.title, &url, &[], &text);
        Ok((file, Some(entry)))
    }

    /// A pair page's title: its own file's title, else both names.
    fn pair_title(&self, pair: &Pair) -> String {
        pair.page
            .filter(|&p| self.published[p])
            .map(|p| self.playbook.pages[p].title.clone())
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| {
                format!(
                    "{} and {}",
                    person_view(self.playbook, pair.mentor.as_ref(), "").name,
                    person_view(self.playbook, pair.mentee.as_ref(), "").name
                )
            })
    }

    fn section_page(&self, section: usize) -> Rendering {
        let url = self.nav.section_url(section);
        let root = root_of(&url);
        let title = if section == 0 {
            self.site.title.clone()
        } else {
            self.playbook.sections[section].title.clone()
        };
        let mut view = self.blank(&url, title, "section");
        view.sidebar = self.nav.sidebar_html(section, &url, &root);
        if section != 0 {
            view.breadcrumbs = self.nav.breadcrumbs(section, false, &root);
        } else {
            view.home = Some(self.home(&root));
            view.description = self.site.description.clone();
        }
        view.section = Some(self.section_summaries(section, &root));
        Ok((self.finish("section.html", &url, &view, "content")?, None))
    }

    fn progress_page(&self) -> Rendering {
        let url = urls::progress_url();
        let root = root_of(url);
        let mut view = self.blank(url, "Progress".into(), "progress");
        view.description = format!(
            "Every pair, launch step and goal as of {}.",
            self.site.as_of_label
        );
        view.sidebar = self.nav.sidebar_html(0, url, &root);
        view.breadcrumbs = self.nav.breadcrumbs(0, true, &root);
        let mut rows: Vec<PairRow> = self
            .published_pairs()
            .map(|(i, pair)| pair_row(self.playbook, pair, &self.pair_progress[i], &root))
            .collect();
        // Attention first: by status, then those who met longest ago.
        rows.sort_by(|a, b| {
            (a.status_rank, &a.last_met, &a.id).cmp(&(b.status_rank, &b.last_met, &b.id))
        });
        view.progress = Some(DashboardView {
            counts: status_counts(
                self.published_pairs()
                    .map(|(i, _)| &self.pair_progress[i].status),
            ),
            rows,
            guides: self.guides(&root),
            goals: self.all_goal_rows(),
        });
        Ok((self.finish("progress.html", url, &view, "content")?, None))
    }

    fn people_page(&self) -> Rendering {
        let url = urls::people_url();
        let root = root_of(url);
        let mut view = self.blank(url, "People".into(), "people");
        view.sidebar = self.nav.sidebar_html(0, url, &root);
        view.breadcrumbs = self.nav.breadcrumbs(0, true, &root);
        let mut pairs_of: HashMap<&str, Vec<Link>> = HashMap::new();
        for (_, pair) in self.published_pairs() {
            if pair.status == Some(PairOverride::Withdrawn) {
                continue;
            }
            for person in [&pair.mentor, &pair.mentee] {
                if let Some(crate::model::PersonRef::Id(id)) = person {
                    pairs_of.entry(id.value.as_str()).or_default().push(Link {
                        title: pair.id.value.clone(),
                        href: format!("{root}{}", urls::pair_url(&pair.id.value)),
                    });
                }
            }
        }
        let mut people: Vec<&crate::model::Person> = self.playbook.people.iter().collect();
        people.sort_by_key(|p| (p.name.to_lowercase(), p.id.clone()));
        let rows: Vec<PersonRow> = people
            .into_iter()
            .map(|p| PersonRow {
                id: p.id.clone(),
                anchor: person_anchor(&p.id),
                name: p.name.clone(),
                role: p.role.clone(),
                team: p.team.clone(),
                email: (self.playbook.config.show_emails && !p.email.is_empty())
                    .then(|| p.email.clone()),
                reports_to: p
                    .reports_to
                    .as_ref()
                    .and_then(|r| self.playbook.person(&r.value))
                    .map(|boss| Link {
                        title: boss.name.clone(),
                        href: format!("#{}", person_anchor(&boss.id)),
                    }),
                pairs: pairs_of.remove(p.id.as_str()).unwrap_or_default(),
            })
            .collect();
        let show_emails = rows.iter().any(|r| r.email.is_some());
        view.people = Some(PeopleView { rows, show_emails });
        Ok((self.finish("people.html", url, &view, "data")?, None))
    }

    fn not_found_page(&self) -> Rendering {
        let mut view = self.blank("", "Page not found".into(), "notfound");
        // Served at any depth, so links must not be relative to it: they
        // start from base_url's path (or the server's root).
        let base = self.playbook.config.base_url.trim_end_matches('/');
        let path = base.find("://").map_or(base, |i| {
            base[i + 3..].find('/').map_or("", |p| &base[i + 3 + p..])
        });
        view.root = format!("{path}/");
        view.canonical = None;
        view.sidebar = self.nav.sidebar_html(0, "404", &view.root);
        let html = self.finish("404.html", "", &view, "themes/default/templates/404.html")?;
        Ok((
            OutputFile {
                path: "404.html".into(),
                bytes: html.bytes,
            },
            None,
        ))
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
