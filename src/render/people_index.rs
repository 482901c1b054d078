//! Who reports to whom and who is in which pair: what the people
//! directory, the person pages and their calendars share, worked out once
//! per render. Who is published is `model::site`'s.

use crate::model::{PersonRef, Playbook, PublicPair};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Who reports to whom and who is in which pair, among the published
/// people and pairs, worked out once per render so each person's page
/// costs only their own rows.
pub(super) struct PeopleIndex {
    /// Per person: the published people reporting to them, by name.
    reports: Vec<Vec<usize>>,
    /// Per person: the published pairs they are in (by index), with their
    /// side, in roster order.
    pairs: Vec<Vec<(usize, &'static str)>>,
    /// Published people by their entry's anchor (`person-ana`), so a link
    /// to `people/#person-ana` can go to their own page: made when a page
    /// first has such a link, since most renders after an edit have none
    /// (at 5,000 pairs, 10,000 of them made on every edit).
    anchors: OnceLock<HashMap<String, usize>>,
}

impl PeopleIndex {
    pub(super) fn new(
        playbook: &Playbook,
        published: &[bool],
        pairs: &[PublicPair],
    ) -> PeopleIndex {
        // Apart, on two threads: each walks every person or pair.
        let (reports, in_pairs) = rayon::join(
            || reports_of(playbook, published),
            || pairs_of(playbook, pairs),
        );
        PeopleIndex {
            reports,
            pairs: in_pairs,
            anchors: OnceLock::new(),
        }
    }

    /// The published people reporting to person `i`, by name.
    pub(super) fn reports_of(&self, i: usize) -> &[usize] {
        &self.reports[i]
    }

    /// The published person whose entry has `anchor`, of `playbook`'s
    /// people (`published` as given to `new`).
    pub(super) fn by_anchor(
        &self,
        playbook: &Playbook,
        published: &[bool],
        anchor: &str,
    ) -> Option<usize> {
        let people = &playbook.people;
        self.anchors
            .get_or_init(|| {
                (0..people.len())
                    .filter(|&i| published[i])
                    .map(|i| (crate::urls::person_anchor(&people[i].id), i))
                    .collect()
            })
            .get(anchor)
            .copied()
    }

    /// The published pairs person `i` is in, with their side.
    pub(super) fn pairs_of(&self, i: usize) -> &[(usize, &'static str)] {
        &self.pairs[i]
    }
}

/// Per person: the published people reporting to them, by name.
fn reports_of(playbook: &Playbook, published: &[bool]) -> Vec<Vec<usize>> {
    let people = &playbook.people;
    let mut reports = vec![Vec::new(); people.len()];
    for (i, person) in people.iter().enumerate() {
        let manager = person.reports_to.as_ref();
        if let Some(boss) = manager.and_then(|r| playbook.person_index(&r.value))
            && published[i]
        {
            reports[boss].push(i);
        }
    }
    let rank = playbook.name_rank();
    for list in &mut reports {
        list.sort_by_key(|&i| (rank[i], i));
    }
    reports
}

/// Per person: the published pairs they are in, with their side, in
/// roster order.
fn pairs_of(playbook: &Playbook, pairs: &[PublicPair]) -> Vec<Vec<(usize, &'static str)>> {
    let mut in_pairs = vec![Vec::new(); playbook.people.len()];
    for (p, pair) in pairs.iter().enumerate().filter(|(_, p)| p.published) {
        for (person, side) in [(pair.mentor, "mentor"), (pair.mentee, "mentee")] {
            if let Some(PersonRef::Id(id)) = person
                && let Some(i) = playbook.person_index(&id.value)
            {
                in_pairs[i].push((p, side));
            }
        }
    }
    in_pairs
}
