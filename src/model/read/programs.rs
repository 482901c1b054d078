//! Pages into programs: each page belongs to the program whose folder
//! holds it, a pair file's URL names its program, and each program takes
//! its folder's title unless `programs:` gives one.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Kind, Playbook, Program};
use crate::urls;

/// Sets each page's program and moves pair files to their program's
/// address (a pair file is read before `playbook.yaml` is known).
pub(super) fn place_pages(playbook: &mut Playbook) {
    playbook.programs = Program::from_config(&playbook.config);
    for page in &mut playbook.pages {
        page.program = Playbook::program_of_file(&playbook.programs, &page.file);
        if let (Kind::Pair(_), Some(program)) = (&page.kind, page.program) {
            page.url = urls::pair_url(&playbook.programs[program].id, &page.id);
        }
    }
}

/// Once sections are built: a program without `title:` takes its
/// folder's, and a listed program whose folder holds no page is reported
/// (a misspelt id would otherwise show an empty program).
pub(super) fn finish_programs(playbook: &mut Playbook, diagnostics: &mut Vec<Diagnostic>) {
    if !playbook.has_programs() {
        return;
    }
    let folders: Vec<&str> = playbook
        .sections
        .iter()
        .filter(|s| !s.path.is_empty() && !s.path.contains('/'))
        .map(|s| s.path.as_str())
        .collect();
    let titles: Vec<Option<String>> = playbook
        .programs
        .iter()
        .map(|p| {
            let section = playbook.sections.iter().find(|s| s.path == p.id)?;
            Some(section.title.clone())
        })
        .collect();
    for (program, title) in playbook.programs.iter_mut().zip(&titles) {
        if let Some(title) = title
            && program.title.is_empty()
        {
            program.title.clone_from(title);
        }
    }
    for (program, _) in playbook
        .programs
        .iter()
        .zip(&titles)
        .filter(|(_, t)| t.is_none())
    {
        let Some(span) = program.span.clone() else {
            continue;
        };
        let near = crate::suggest::did_you_mean(&program.id, &folders);
        let hint = near.map_or_else(
            || {
                format!(
                    "create the folder `{}` with the program's pages (its rosters, goals, guides), or list a folder that holds them",
                    program.folder()
                )
            },
            |near| format!("did you mean `{near}`?"),
        );
        diagnostics.push(
            Diagnostic::error(
                Code::BadValue,
                span,
                format!(
                    "program `{}` has no folder: `{}` holds no pages",
                    program.id,
                    program.folder()
                ),
            )
            .with_hint(hint),
        );
    }
}
