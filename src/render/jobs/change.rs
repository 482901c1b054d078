//! What a data edit changed: each pair's print (what its pages and
//! exports show of it, hashed) before and after, compared.

use super::super::context::Context;
use crate::model::site::BuiltPage;
use crate::model::{Kind, PersonRef, Playbook};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

impl Context<'_> {
    /// What each pair's pages and exports show of it, in pair order.
    pub fn pair_prints(&self) -> Vec<PairPrint> {
        (0..self.pairs.len()).map(|i| self.pair_print(i)).collect()
    }

    /// `pair_prints` after an edit to the content files `changed`, from
    /// those `before` it: a pair is read from its roster and its own file
    /// only (people, templates and settings are as they were, or
    /// everything is rendered), so the pairs of other files are as they
    /// were and only the pairs of the changed files are compared.
    pub fn pair_prints_after(
        &self,
        before: &[PairPrint],
        changed: &HashSet<String>,
    ) -> Vec<PairPrint> {
        let old: HashMap<&str, &PairPrint> = before.iter().map(|p| (p.0.id.as_str(), p)).collect();
        let file_changed = |page: Option<usize>| {
            page.is_some_and(|p| changed.contains(&self.playbook.pages[p].file))
        };
        // A pair's page shows its roster neighbours' titles: the pairs of
        // a roster holding a changed pair are compared again too.
        let rosters: HashSet<usize> = (0..self.pairs.len())
            .filter(|&i| {
                file_changed(Some(self.pairs[i].roster))
                    || file_changed(self.playbook.pairs[i].page)
            })
            .map(|i| self.pairs[i].roster)
            .collect();
        (0..self.pairs.len())
            .into_par_iter()
            .map(|i| {
                let pair = &self.pairs[i];
                match old.get(BuiltPage::Pair(i).address(self.playbook).as_str()) {
                    Some(print) if !rosters.contains(&pair.roster) => PairPrint::clone(print),
                    _ => self.pair_print(i),
                }
            })
            .collect()
    }

    fn pair_print(&self, i: usize) -> PairPrint {
        let pair = &self.pairs[i];
        let person = |p: Option<&PersonRef>| match p {
            Some(PersonRef::Id(id)) => Some(id.value.clone()),
            Some(PersonRef::Inline(person)) => Some(person.id.clone()),
            None => None,
        };
        let people = [person(pair.mentor), person(pair.mentee)];
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        // Where things were written (spans) is not shown, so a pair
        // whose lines merely moved is unchanged; inline people are
        // hashed whole, rarely used as they are.
        let inline = |p: Option<&PersonRef>| match p {
            Some(PersonRef::Inline(person)) => format!("{person:?}"),
            _ => String::new(),
        };
        (
            pair.id,
            pair.roster,
            pair.published,
            pair.draft,
            pair.title,
            &people,
        )
            .hash(&mut hasher);
        (
            inline(pair.mentor),
            inline(pair.mentee),
            pair.start,
            pair.end,
            pair.confidential,
            pair.topics,
            pair.page,
            pair.file,
        )
            .hash(&mut hasher);
        let aliases: Vec<&str> = pair.aliases.iter().map(|a| a.address.as_str()).collect();
        aliases.hash(&mut hasher);
        format!(
            "{:?}{:?}{:?}{:?}{:?}",
            pair.cadence, pair.status, pair.goals, pair.sessions, self.pair_progress[i]
        )
        .hash(&mut hasher);
        self.pair_published[i].hash(&mut hasher);
        let mut around = std::collections::hash_map::DefaultHasher::new();
        let (prev, next) = self.roster_neighbours(i, "");
        for link in [prev, next] {
            link.map(|l| (l.title, l.href)).hash(&mut around);
        }
        let mut templates: Vec<String> = pair
            .sessions
            .iter()
            .filter_map(|s| s.template.map(str::to_string))
            .collect();
        templates.sort_unstable();
        templates.dedup();
        PairPrint(Arc::new(Print {
            id: BuiltPage::Pair(i).address(self.playbook),
            hash: hasher.finish(),
            around: around.finish(),
            roster: pair.roster,
            people,
            templates,
        }))
    }
}

/// What a render keeps of a pair to tell whether an edit changed it.
/// Shared: an edit keeps the prints of the rosters it did not touch, at
/// 5,000 pairs most of them, without copying them.
#[derive(Debug, Clone)]
pub struct PairPrint(Arc<Print>);

#[derive(Debug)]
pub struct Print {
    /// Its page's address: what tells a pair from every other (an id
    /// alone would not, were ids unique only within a part of the site).
    id: String,
    /// Of everything outputs show of the pair, its progress included.
    hash: u64,
    /// Of the pairs before and after it in its roster, which its page
    /// links to by title.
    around: u64,
    /// The roster page listing it.
    roster: usize,
    /// Its mentor's and mentee's ids.
    people: [Option<String>; 2],
    /// The ids of the session templates its sessions name.
    templates: Vec<String>,
}

/// What a data edit changed, found by comparing each pair as it was with
/// the pair as it is (not by the files edited: one roster holds many
/// pairs, and a pair file changes its pair).
pub struct Change<'c> {
    /// The content files whose text changed.
    pub files: &'c HashSet<String>,
    /// Pairs (by index now) that changed or are new.
    pub pairs: HashSet<usize>,
    /// Pairs whose neighbours in their roster changed.
    pub neighbours: HashSet<usize>,
    /// Roster pages that list, or listed, a pair that changed, came or went.
    pub rosters: HashSet<usize>,
    /// People who are, or were, in such a pair.
    pub people: HashSet<usize>,
    /// Sections holding a step whose file changed: its guide's pages.
    pub guides: HashSet<usize>,
    /// Session templates (by id) that a pair which changed, came or went
    /// names, as it is or as it was.
    pub templates: HashSet<&'c str>,
}

impl<'c> Change<'c> {
    pub fn between(
        playbook: &Playbook,
        before: &'c [PairPrint],
        now: &'c [PairPrint],
        files: &'c HashSet<String>,
    ) -> Change<'c> {
        let old: HashMap<&str, &PairPrint> = before.iter().map(|p| (p.0.id.as_str(), p)).collect();
        let ids: HashSet<&str> = now.iter().map(|p| p.0.id.as_str()).collect();
        let mut change = Change {
            files,
            pairs: HashSet::new(),
            neighbours: HashSet::new(),
            rosters: HashSet::new(),
            people: HashSet::new(),
            guides: HashSet::new(),
            templates: HashSet::new(),
        };
        let touch = |print: &'c PairPrint, change: &mut Change<'c>| {
            change.rosters.insert(print.0.roster);
            change
                .templates
                .extend(print.0.templates.iter().map(String::as_str));
            for id in print.0.people.iter().flatten() {
                change.people.extend(playbook.person_index(id));
            }
        };
        for (i, print) in now.iter().enumerate() {
            let was = old.get(print.0.id.as_str());
            if was.is_none_or(|was| was.0.around != print.0.around) {
                change.neighbours.insert(i);
                // Moved in its roster: its people list their pairs in
                // roster order.
                for id in print.0.people.iter().flatten() {
                    change.people.extend(playbook.person_index(id));
                }
            }
            if was.is_some_and(|was| was.0.hash == print.0.hash) {
                continue;
            }
            change.pairs.insert(i);
            touch(print, &mut change);
            if let Some(was) = was {
                touch(was, &mut change);
            }
        }
        for gone in before.iter().filter(|p| !ids.contains(p.0.id.as_str())) {
            touch(gone, &mut change);
        }
        change.guides = playbook
            .pages
            .iter()
            .filter(|p| matches!(p.kind, Kind::Step(_)) && files.contains(&p.file))
            .map(|p| p.section)
            .collect();
        change
    }
}
