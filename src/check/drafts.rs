//! Drafts and what is published: nothing published may lean on a person
//! declared only in a draft roster, nor on a draft session template (its
//! page and calendars would show what the draft holds back), and a roster whose file has the name `match` gives its
//! proposals (`*-draft.md`) but no `draft: true` is published as a running
//! cohort, most likely a proposal written before `match` marked its drafts.

use crate::diagnostic::{Code, Diagnostic};
use crate::matching::is_draft;
use crate::model::{Kind, PersonRef, Playbook};
use crate::source::fields::Spanned;

pub(super) fn drafts(playbook: &Playbook, out: &mut Vec<Diagnostic>) {
    people_of_drafts(playbook, out);
    draft_templates(playbook, out);
    published_proposals(playbook, out);
}

/// A published pair's sessions show their template's title, on its page
/// and in the calendars: a draft template would be published through them.
fn draft_templates(playbook: &Playbook, out: &mut Vec<Diagnostic>) {
    let sessions = playbook
        .pairs
        .iter()
        .filter(|p| !p.draft)
        .flat_map(|p| p.sessions.iter().map(|s| (p.program, s)));
    for (program, template) in sessions.filter_map(|(p, s)| Some((p, s.template.as_ref()?))) {
        let Some(page) = playbook
            .session_template(program, &template.value)
            .filter(|t| t.draft)
        else {
            continue;
        };
        out.push(
            Diagnostic::error(
                Code::UnknownTemplate,
                template.span.clone(),
                format!(
                    "`{}` is the session template of {}, a draft, which is not published",
                    template.value, page.file
                ),
            )
            .with_hint("publish the template (remove `draft: true`), or use another one"),
        );
    }
}

/// The draft page that declares the person `id`, if a draft declares them.
fn draft_declaring<'p>(playbook: &'p Playbook, id: &str) -> Option<&'p str> {
    let person = playbook.person(id)?;
    let page = &playbook.pages[playbook.declared_in(person)?];
    page.draft.then_some(page.file.as_str())
}

fn people_of_drafts(playbook: &Playbook, out: &mut Vec<Diagnostic>) {
    let mut refs: Vec<&Spanned<String>> = Vec::new();
    for pair in playbook.pairs.iter().filter(|p| !p.draft) {
        for person in [&pair.mentor, &pair.mentee] {
            if let Some(PersonRef::Id(id)) = person {
                refs.push(id);
            }
        }
    }
    for person in &playbook.people {
        let declared_in_draft = playbook
            .declared_in(person)
            .is_some_and(|page| playbook.pages[page].draft);
        if let Some(boss) = person.reports_to.as_ref().filter(|_| !declared_in_draft) {
            refs.push(boss);
        }
    }
    for id in refs {
        if let Some(file) = draft_declaring(playbook, &id.value) {
            out.push(
                Diagnostic::error(
                    Code::UnknownPerson,
                    id.span.clone(),
                    format!(
                        "`{}` is declared only in {file}, a draft, which is not published",
                        id.value
                    ),
                )
                .with_hint(
                    "declare them in data/ (or in this roster's `people:`), or publish the draft",
                ),
            );
        }
    }
}

fn published_proposals(playbook: &Playbook, out: &mut Vec<Diagnostic>) {
    for page in &playbook.pages {
        if !matches!(page.kind, Kind::Roster(_)) || page.draft || !is_draft(&page.file) {
            continue;
        }
        out.push(
            Diagnostic::warning(
                Code::UnmarkedDraft,
                super::page_span(page),
                "this roster is named as a `match` proposal (`-draft.md`) but has no `draft: true`: \
                 its pairs are published and counted as a running cohort",
            )
            .with_hint(
                "add `draft: true` while the people have not said yes; once they have, \
                 rename the file without `-draft`",
            ),
        );
    }
}
