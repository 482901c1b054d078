//! The roster draft `mentorbook match` writes: front matter that `check`
//! accepts (`draft: true`, so that proposed pairings are built only with
//! `--drafts`; sign-ups who are not declared people yet under `people:`),
//! a "why" comment above each pair, and a body listing who stays unmatched
//! and why. Also what `match` takes for an earlier proposal (a `draft:
//! true` roster), and the one place that spells `-draft.md`, the default
//! name of a proposal's file.

use super::score::why;
use super::{Input, Proposal, Signup};
use crate::model::{Pair, Person, Playbook};
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

/// The default file name of a cohort's draft: `2027 Spring` gives
/// `2027-spring-draft.md`.
pub fn draft_file_name(cohort: &str) -> String {
    format!("{}-draft.md", slug(cohort))
}

/// Whether a file has the name `match` gives its drafts (`*-draft.md`).
/// The name alone makes nothing a draft (`draft: true` does): `check`
/// warns about a roster so named that is published all the same.
pub fn is_draft(file: &str) -> bool {
    file.ends_with("-draft.md")
}

/// A file-name-safe slug: `2027 Spring` gives `2027-spring`. The page
/// slugifier's, except that a name with no letter or digit gives `cohort`
/// (not `section`): such a draft has always been `cohort-draft.md`.
pub fn slug(text: &str) -> String {
    // Exactly when the slugifier would find nothing to keep.
    if text
        .chars()
        .flat_map(char::to_lowercase)
        .any(char::is_alphanumeric)
    {
        crate::urls::slugify(text)
    } else {
        "cohort".into()
    }
}

/// The pair ids of the site's rosters, except drafts (whose pairs are
/// proposed afresh): a proposed pair takes an id none of them has.
pub fn taken_pair_ids(playbook: &Playbook, program: usize) -> HashSet<String> {
    playbook
        .pairs
        .iter()
        .filter(|p| !in_draft(p) && p.program == program)
        .map(|p| p.id.value.clone())
        .collect()
}

/// Whether `pair` is listed by a proposal (a `draft: true` roster, such
/// as an earlier draft of `match`), which holds no one's places: only
/// what is published is running.
pub(super) fn in_draft(pair: &Pair) -> bool {
    pair.draft
}

/// Whether `person` is declared only by a draft roster's `people:` (a
/// sign-up an earlier proposal declared), and so not declared yet.
pub(super) fn declared_in_draft(playbook: &Playbook, person: &Person) -> bool {
    playbook
        .declared_in(person)
        .is_some_and(|page| playbook.pages[page].draft)
}

/// A YAML double-quoted scalar (JSON strings are valid YAML).
fn quote(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The roster draft's text.
pub fn draft(
    input: &Input,
    proposal: &Proposal,
    cohort: &str,
    start: chrono::NaiveDate,
    taken_pair_ids: &HashSet<String>,
) -> String {
    let mut out = String::from("---\n");
    let _ = writeln!(out, "title: {}", quote(&format!("{cohort} (draft)")));
    out.push_str("description: Pairs proposed by `mentorbook match`, for review.\n");
    // Proposed pairings must not reach the intranet before people say yes.
    out.push_str("draft: true\n");
    out.push_str("kind: roster\n");
    let _ = writeln!(out, "cohort: {}", quote(cohort));
    let _ = writeln!(out, "start: {start}");
    out.push_str("cadence: biweekly\n");
    write_newcomers(&mut out, input, proposal);
    write_pairs(&mut out, proposal, taken_pair_ids);
    out.push_str("---\n\n");
    let _ = writeln!(
        out,
        "Proposed by `mentorbook match` from the sign-up list: {} pairs, total score {}. \
         It is a draft: built only with `--drafts`, and counted in no figure. Review the pairs \
         and ask the people; to confirm them, delete the `draft: true` line, then remove \
         `(draft)` from the title and `-draft` from the file name.",
        proposal.pairs.len(),
        proposal.total_score
    );
    write_unmatched(&mut out, input, proposal);
    out
}

/// `people:`: the proposed sign-ups who are not declared people yet.
fn write_newcomers(out: &mut String, input: &Input, proposal: &Proposal) {
    let declared: HashSet<&str> = input.people.iter().map(|p| p.id.as_str()).collect();
    let in_pairs: HashSet<&str> = proposal
        .pairs
        .iter()
        .flat_map(|p| [p.mentor.as_str(), p.mentee.as_str()])
        .collect();
    let mut newcomers: Vec<&Signup> = input
        .signups
        .iter()
        .filter(|s| !declared.contains(s.id.as_str()) && in_pairs.contains(s.id.as_str()))
        .collect();
    newcomers.sort_by(|a, b| a.id.cmp(&b.id));
    let newcomer_ids: HashSet<&str> = newcomers.iter().map(|s| s.id.as_str()).collect();
    if newcomers.is_empty() {
        return;
    }
    out.push_str("# Sign-ups who are not declared people yet.\npeople:\n");
    for s in &newcomers {
        let _ = writeln!(out, "  - id: {}", quote(&s.id));
        let _ = writeln!(out, "    name: {}", quote(&s.name));
        if !s.role.is_empty() {
            let _ = writeln!(out, "    role: {}", quote(&s.role));
        }
        if !s.team.is_empty() {
            let _ = writeln!(out, "    team: {}", quote(&s.team));
        }
        // Only a manager `check` will know: declared, or declared here.
        if let Some(r) = &s.reports_to
            && (declared.contains(r.as_str()) || newcomer_ids.contains(r.as_str()))
        {
            let _ = writeln!(out, "    reports_to: {}", quote(r));
        }
    }
}

/// `pairs:`, each with an id no roster has yet.
fn write_pairs(out: &mut String, proposal: &Proposal, taken_pair_ids: &HashSet<String>) {
    if proposal.pairs.is_empty() {
        out.push_str("pairs: []\n");
    } else {
        out.push_str("pairs:\n");
    }
    let mut used_ids: HashSet<String> = taken_pair_ids.clone();
    for p in &proposal.pairs {
        let base = format!("{}-and-{}", p.mentor, p.mentee);
        let mut id = base.clone();
        let mut k = 2;
        while used_ids.contains(&id) {
            id = format!("{base}-{k}");
            k += 1;
        }
        used_ids.insert(id.clone());
        let _ = writeln!(out, "  # why: {}", one_line(&why(&p.score)));
        let _ = writeln!(out, "  - id: {}", quote(&id));
        let _ = writeln!(out, "    mentor: {}", quote(&p.mentor));
        let _ = writeln!(out, "    mentee: {}", quote(&p.mentee));
        if !p.score.skills.is_empty() {
            out.push_str("    topics:\n");
            for t in &p.score.skills {
                let _ = writeln!(out, "      - {}", quote(t));
            }
        }
    }
}

/// The body's `## Unmatched` list.
fn write_unmatched(out: &mut String, input: &Input, proposal: &Proposal) {
    let by_id: HashMap<&str, &Signup> = input.signups.iter().map(|s| (s.id.as_str(), s)).collect();
    out.push_str("\n## Unmatched\n\n");
    if proposal.unmatched.is_empty() {
        out.push_str("Everyone who signed up has a partner.\n");
    }
    for u in &proposal.unmatched {
        let name = by_id
            .get(u.id.as_str())
            .map_or(u.id.as_str(), |s| s.name.as_str());
        let side = if u.as_mentor { "mentor" } else { "mentee" };
        let _ = writeln!(
            out,
            "- {} (`{}`, {side}): {}",
            one_line(name),
            u.id,
            one_line(&u.reason)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_slug_is_the_page_slug_with_its_own_fallback() {
        assert_eq!(slug("2027 Spring"), "2027-spring");
        assert_eq!(slug("  Été 2027 / Q1 "), "été-2027-q1");
        assert_eq!(slug("snake_case"), "snake-case");
        assert_eq!(slug("Section"), "section");
        assert_eq!(slug("!!!"), "cohort");
        assert_eq!(slug(""), "cohort");
        assert_eq!(draft_file_name("2027 spring"), "2027-spring-draft.md");
    }
}
