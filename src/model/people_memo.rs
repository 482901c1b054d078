//! What is worked out from the people list alone (ids to indices, the
//! order of names in the site's language), made on first use and shared
//! by the playbooks `serve` reads one edit after another while the people
//! and the language are as they were: at 10,000 people, hashing every id
//! and folding every name again cost each roster edit several times over
//! (the directory's initials are asked for by render, the exports and
//! `check`'s site map). Owned by the playbook and by serve's `ReadCache`,
//! never process-wide.

use super::Person;
use crate::text::Collation;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

#[derive(Debug, Default)]
pub struct PeopleMemo {
    /// By person id, the first of a duplicate (`check` reports them).
    ids: OnceLock<HashMap<String, usize>>,
    names: OnceLock<Names>,
}

#[derive(Debug)]
struct Names {
    /// Every person by name in the language's order (then id), each with
    /// the initial they are filed under.
    by_name: Vec<(usize, Option<char>)>,
    /// Per person: where their name sorts, the same for names the
    /// language sorts alike.
    rank: Vec<usize>,
}

impl PeopleMemo {
    pub(super) fn ids(&self, people: &[Person]) -> &HashMap<String, usize> {
        self.ids.get_or_init(|| {
            let mut ids = HashMap::with_capacity(people.len());
            for (i, person) in people.iter().enumerate() {
                ids.entry(person.id.clone()).or_insert(i);
            }
            ids
        })
    }

    pub(super) fn by_name(&self, people: &[Person], language: &str) -> &[(usize, Option<char>)] {
        &self.names(people, language).by_name
    }

    pub(super) fn name_rank(&self, people: &[Person], language: &str) -> &[usize] {
        &self.names(people, language).rank
    }

    fn names(&self, people: &[Person], language: &str) -> &Names {
        self.names.get_or_init(|| {
            let collation = Collation::of_language(language);
            let keys: Vec<_> = people.iter().map(|p| collation.key(&p.name)).collect();
            let mut order: Vec<usize> = (0..people.len()).collect();
            order.sort_by(|&a, &b| (&keys[a], &people[a].id).cmp(&(&keys[b], &people[b].id)));
            let mut rank = vec![0; people.len()];
            for pair in order.windows(2) {
                let step = usize::from(keys[pair[0]] != keys[pair[1]]);
                rank[pair[1]] = rank[pair[0]] + step;
            }
            let by_name = order
                .into_iter()
                .map(|i| (i, super::directory::initial_of(collation, &people[i].name)))
                .collect();
            Names { by_name, rank }
        })
    }
}

/// What a memo was made for: each person's id and name, and the language.
#[derive(Default)]
pub struct MemoKey {
    people: Vec<(String, String)>,
    language: String,
}

impl MemoKey {
    fn fits(&self, people: &[Person], language: &str) -> bool {
        self.language == language
            && self.people.len() == people.len()
            && self
                .people
                .iter()
                .zip(people)
                .all(|((id, name), p)| *id == p.id && *name == p.name)
    }

    fn of(people: &[Person], language: &str) -> MemoKey {
        MemoKey {
            people: people
                .iter()
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect(),
            language: language.to_string(),
        }
    }
}

/// What `serve` keeps across reads: the memo and what it was made for.
pub type Kept = Option<(MemoKey, Arc<PeopleMemo>)>;

/// Gives `playbook` (just read) the kept memo when it was made for the
/// same people and language; else `kept` becomes the playbook's own.
pub(super) fn share(playbook: &mut super::Playbook, kept: &mut Kept) {
    let (people, language) = (&playbook.people, playbook.config.language.as_str());
    match kept {
        Some((key, memo)) if key.fits(people, language) => {
            playbook.people_memo = Arc::clone(memo);
        }
        _ => {
            *kept = Some((
                MemoKey::of(people, language),
                Arc::clone(&playbook.people_memo),
            ));
        }
    }
}
