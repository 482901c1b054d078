//! Lookups by id, by file and along a series of session templates, made
//! on first use: pages look up people and other pages, and a linear search
//! each time made large programs quadratic. The model is complete before
//! anything looks up.

use super::{Kind, Page, Person, Playbook};
use std::collections::HashMap;

#[derive(Debug, Default)]
pub(super) struct Lookups {
    /// By (program, id): `None` for site-wide templates.
    session_templates: HashMap<(Option<usize>, String), usize>,
    files: HashMap<String, usize>,
    /// Session templates with an `order` or `week`, as (section, position,
    /// page), sorted.
    series: Vec<(usize, i64, usize)>,
}

impl Playbook {
    fn lookups(&self) -> &Lookups {
        self.lookups.get_or_init(|| {
            let mut lookups = Lookups::default();
            // The first of a duplicate wins, as a search from the start did
            // (`check` reports the duplicates).
            for (i, page) in self.pages.iter().enumerate() {
                if let Kind::Session(template) = &page.kind {
                    lookups
                        .session_templates
                        .entry((page.program, page.id.clone()))
                        .or_insert(i);
                    if let Some(at) = template.order.or(template.week) {
                        lookups.series.push((page.section, at, i));
                    }
                }
                lookups.files.entry(page.file.clone()).or_insert(i);
            }
            lookups.series.sort_unstable();
            lookups
        })
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        self.person_index(id).map(|i| &self.people[i])
    }

    /// Where person `id` is in `people`.
    pub fn person_index(&self, id: &str) -> Option<usize> {
        self.people_memo.ids(&self.people).get(id).copied()
    }

    /// The session template `id` as a pair of program `program` names it.
    pub fn session_template(&self, program: usize, id: &str) -> Option<&Page> {
        self.session_template_index(program, id)
            .map(|i| &self.pages[i])
    }

    /// The page index of the session template `id` as a pair of program
    /// `program` names it: its program's own first, then a site-wide one.
    pub fn session_template_index(&self, program: usize, id: &str) -> Option<usize> {
        let templates = &self.lookups().session_templates;
        let key = |program| (program, id.to_string());
        templates
            .get(&key(Some(program)))
            .or_else(|| templates.get(&key(None)))
            .copied()
    }

    /// The session template that follows `template` (a page index) in its
    /// series: the templates of its folder by `order` (or `week`); `None`
    /// after the last, or for a template outside any series. With no
    /// template, the first of any series.
    pub fn next_in_series(&self, template: Option<usize>) -> Option<usize> {
        let series = &self.lookups().series;
        let Some(page) = template else {
            return series
                .iter()
                .min_by_key(|(_, at, i)| (*at, *i))
                .map(|e| e.2);
        };
        let Kind::Session(t) = &self.pages.get(page)?.kind else {
            return None;
        };
        let (section, at) = (self.pages[page].section, t.order.or(t.week)?);
        let after = series.partition_point(|e| (e.0, e.1) <= (section, at));
        series.get(after).filter(|e| e.0 == section).map(|e| e.2)
    }

    /// Every person by name in the site's language (then id), each with
    /// the initial the people directory files them under.
    pub fn people_by_name(&self) -> &[(usize, Option<char>)] {
        self.people_memo
            .by_name(&self.people, &self.config.language)
    }

    /// Per person: where their name sorts in the site's language (names
    /// it sorts alike share a rank), to order lists of people by name
    /// without folding each name again.
    pub fn name_rank(&self) -> &[usize] {
        self.people_memo
            .name_rank(&self.people, &self.config.language)
    }

    /// The page read from `file` (a path relative to the site folder).
    pub fn page_of_file(&self, file: &str) -> Option<usize> {
        self.lookups().files.get(file).copied()
    }

    /// The content page that declares `person` in its `people:` (a
    /// roster), or `None` for people of `data/` and inline people: a person
    /// declared in a draft roster is as unpublished as the roster.
    pub fn declared_in(&self, person: &Person) -> Option<usize> {
        self.page_of_file(&person.span.file)
    }
}
