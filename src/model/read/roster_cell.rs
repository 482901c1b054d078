//! The `roster` cell of a `data/pairs.csv` row: a roster's id, or
//! `program/id` when several programs have a roster with that id (roster
//! ids are unique within a program only).

use crate::diagnostic::{Code, Diagnostic};
use crate::model::Playbook;
use crate::source::fields::Spanned;
use crate::suggest::did_you_mean;
use std::collections::HashMap;

/// A program's id as a `program/roster` cell writes it.
fn program_id(playbook: &Playbook, page: usize) -> &str {
    playbook.pages[page]
        .program
        .and_then(|p| playbook.programs.get(p))
        .map_or("", |p| p.id.as_str())
}

/// The roster page a `roster` cell names: `cohort`, or `program/cohort`
/// when programs share the roster id. `Err(Some)` says the id is
/// ambiguous; `Err(None)` that nothing has it.
pub(super) fn csv_roster(
    playbook: &Playbook,
    pages_of: &HashMap<&str, Vec<usize>>,
    roster: &Spanned<String>,
) -> Result<usize, Option<Diagnostic>> {
    let (program, id) = match roster.value.split_once('/') {
        Some((program, id)) => (Some(program), id),
        None => (None, roster.value.as_str()),
    };
    let candidates: Vec<usize> = pages_of
        .get(id)
        .into_iter()
        .flatten()
        .copied()
        .filter(|&page| program.is_none_or(|p| program_id(playbook, page) == p))
        .collect();
    match candidates.as_slice() {
        [page] => Ok(*page),
        [] => Err(None),
        several => {
            let names: Vec<String> = several
                .iter()
                .map(|&page| format!("`{}/{id}`", program_id(playbook, page)))
                .collect();
            Err(Some(
                Diagnostic::error(
                    Code::UnknownRoster,
                    roster.span.clone(),
                    format!(
                        "the roster id `{id}` is ambiguous: {} programs have a roster `{id}`",
                        several.len()
                    ),
                )
                .with_hint(format!(
                    "name the roster with its program: {}",
                    names.join(" or ")
                )),
            ))
        }
    }
}

pub(super) fn unknown_roster(
    playbook: &Playbook,
    rosters: &[(usize, &str)],
    roster: &Spanned<String>,
) -> Diagnostic {
    // With programs, rosters are listed as a cell names them unambiguously.
    let ids: Vec<String> = rosters
        .iter()
        .map(|&(page, id)| match program_id(playbook, page) {
            "" => id.to_string(),
            program => format!("{program}/{id}"),
        })
        .collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let hint = did_you_mean(&roster.value, &ids).map_or_else(
        || {
            format!(
                "the `roster` column names a roster page by its id (`program/id` in a site with programs); rosters: {}",
                ids.join(", ")
            )
        },
        |near| format!("did you mean `{near}`?"),
    );
    Diagnostic::error(
        Code::UnknownRoster,
        roster.span.clone(),
        format!("no roster has the id `{}`", roster.value),
    )
    .with_hint(hint)
}
