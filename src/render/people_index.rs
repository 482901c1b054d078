//! Who is published, who reports to whom and who is in which pair: what
//! the people directory, the person pages and their calendars share,
//! worked out once per render.

use crate::model::{Person, PersonRef, Playbook, PublicPair};

/// Who is published, who reports to whom and who is in which pair, worked
/// out once per render so each person's page costs only their own rows.
pub(super) struct PeopleIndex {
    /// Per person (by index in `Playbook::people`): published or not.
    published: Vec<bool>,
    /// Per person: the published people reporting to them, by name.
    reports: Vec<Vec<usize>>,
    /// Per person: the published pairs they are in (by index), with their
    /// side, in roster order.
    pairs: Vec<Vec<(usize, &'static str)>>,
}

impl PeopleIndex {
    pub(super) fn new(
        playbook: &Playbook,
        published: impl Fn(&Person) -> bool,
        pairs: &[PublicPair],
    ) -> PeopleIndex {
        let people = &playbook.people;
        let published: Vec<bool> = people.iter().map(published).collect();
        let mut reports = vec![Vec::new(); people.len()];
        for (i, person) in people.iter().enumerate() {
            let manager = person.reports_to.as_ref();
            if let Some(boss) = manager.and_then(|r| playbook.person_index(&r.value))
                && published[i]
            {
                reports[boss].push(i);
            }
        }
        for list in &mut reports {
            list.sort_by_key(|&i| (people[i].name.to_lowercase(), i));
        }
        let mut in_pairs = vec![Vec::new(); people.len()];
        for (p, pair) in pairs.iter().enumerate().filter(|(_, p)| p.published) {
            for (person, side) in [(pair.mentor, "mentor"), (pair.mentee, "mentee")] {
                if let Some(PersonRef::Id(id)) = person
                    && let Some(i) = playbook.person_index(&id.value)
                {
                    in_pairs[i].push((p, side));
                }
            }
        }
        PeopleIndex {
            published,
            reports,
            pairs: in_pairs,
        }
    }

    /// The published people, by index.
    pub(super) fn published(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.published.len()).filter(|&i| self.published[i])
    }

    pub(super) fn is_published(&self, i: usize) -> bool {
        self.published[i]
    }

    /// The published people reporting to person `i`, by name.
    pub(super) fn reports_of(&self, i: usize) -> &[usize] {
        &self.reports[i]
    }

    /// The published pairs person `i` is in, with their side.
    pub(super) fn pairs_of(&self, i: usize) -> &[(usize, &'static str)] {
        &self.pairs[i]
    }
}
