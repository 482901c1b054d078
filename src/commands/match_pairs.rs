//! `mentorbook match`: loads and checks the site, reads the sign-up list,
//! reports its problems (and those of `matching:`), then explains one
//! person's candidates or writes the proposal as a roster draft, never
//! over an existing file. The matching itself is `crate::matching`.

use crate::diagnostic::{self, Diagnostic, Format, Severity};
use crate::matching::{self, Input};
use crate::pipeline::{self, Checked};
use crate::source::load::SourceFile;
use std::path::PathBuf;
use std::process::ExitCode;

/// Options of `mentorbook match`.
pub struct Options {
    pub dir: PathBuf,
    pub cohort: String,
    pub out: Option<PathBuf>,
    pub explain: Option<String>,
    /// The cohort's start [default: today].
    pub start: Option<chrono::NaiveDate>,
    pub signups: Option<PathBuf>,
    /// `--program`: the program whose cohort this is, required in a site
    /// with several.
    pub program: Option<String>,
}

/// What the command did.
enum Outcome {
    /// `--explain`'s text.
    Explained(String),
    /// The draft's path, pairs and unmatched count.
    Written(PathBuf, usize, usize),
}

/// Runs the command and says what happened: exit code 1 for problems in
/// the sign-up list or `matching:`, 2 for a usage error.
pub fn run(options: &Options) -> ExitCode {
    match propose_or_explain(options) {
        Ok(Outcome::Explained(text)) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Ok(Outcome::Written(path, pairs, unmatched)) => {
            println!(
                "Wrote {} ({pairs} pairs proposed, {unmatched} unmatched), marked `draft: true`: \
                 built only with `--drafts` until you confirm it. Review it, then run `mentorbook check`.",
                path.display()
            );
            ExitCode::SUCCESS
        }
        Err((1, diagnostics)) => {
            eprint!("{diagnostics}");
            ExitCode::from(1)
        }
        Err((code, message)) => {
            eprintln!("error: {message}");
            ExitCode::from(code)
        }
    }
}

/// `Err((code, message))`: 1 for a problem in the input (diagnostics in
/// the message), 2 for a usage error.
fn propose_or_explain(options: &Options) -> Result<Outcome, (u8, String)> {
    let checked = pipeline::load_and_check(&options.dir).map_err(|m| (2, m))?;
    let config = &checked.playbook.config;
    let file = read_signups_file(options)?;
    let people = matching::declared_people(&checked.playbook);
    let mut diagnostics = config.matching_problems.clone();
    let signups = matching::read_signups(&file, &people, &mut diagnostics);
    report(diagnostics, &file, &checked)?;
    let program = chosen_program(&checked.playbook, options.program.as_deref())?;
    let input = Input::for_program(&signups, &checked.playbook, config.matching, program);
    if let Some(id) = &options.explain {
        return matching::explain(&input, id)
            .map(Outcome::Explained)
            .map_err(|m| (2, m));
    }
    let out = options.out.clone().unwrap_or_else(|| {
        options
            .dir
            .join("content")
            .join(checked.playbook.program_id(program))
            .join("cohorts")
            .join(matching::draft_file_name(&options.cohort))
    });
    if out.exists() {
        return Err((
            2,
            format!(
                "{} already exists; remove it or choose another file with --out",
                out.display()
            ),
        ));
    }
    let proposal = matching::propose(&input);
    let taken = matching::taken_pair_ids(&checked.playbook, program);
    let text = matching::draft(
        &input,
        &proposal,
        &options.cohort,
        options.start.unwrap_or_else(super::today),
        &taken,
    );
    if let Some(parent) = out.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| (2, format!("cannot create {}: {e}", parent.display())))?;
    }
    std::fs::write(&out, text).map_err(|e| (2, format!("cannot write {}: {e}", out.display())))?;
    Ok(Outcome::Written(
        out,
        proposal.pairs.len(),
        proposal.unmatched.len(),
    ))
}

/// The program `--program` names (by index): required when the site lists
/// programs, refused when it lists none (exit code 2 either way).
fn chosen_program(
    playbook: &crate::model::Playbook,
    named: Option<&str>,
) -> Result<usize, (u8, String)> {
    let ids: Vec<&str> = playbook.programs.iter().map(|p| p.id.as_str()).collect();
    match (playbook.has_programs(), named) {
        (false, None) => Ok(0),
        (false, Some(id)) => Err((
            2,
            format!(
                "--program {id}: this site lists no `programs:` in playbook.yaml; leave --program out"
            ),
        )),
        (true, None) => Err((
            2,
            format!(
                "this site has several programs: choose the cohort's with --program ({})",
                ids.join(", ")
            ),
        )),
        (true, Some(id)) => ids.iter().position(|p| *p == id).ok_or_else(|| {
            (
                2,
                format!(
                    "--program {id}: no such program; the programs are {}",
                    ids.join(", ")
                ),
            )
        }),
    }
}

/// The sign-up list as text (BOM and line endings as for every file of
/// the site), named relative to the site folder.
fn read_signups_file(options: &Options) -> Result<SourceFile, (u8, String)> {
    let (path, bytes) = match &options.signups {
        Some(path) => (path.clone(), std::fs::read(path).map_err(|e| e.to_string())),
        // The site's own file is read under the site's rule for links.
        None => {
            let path = options.dir.join(matching::SIGNUPS_FILE);
            let data = crate::source::boundary::Folder::of(&options.dir, "data");
            let bytes = data
                .read(&path)
                .map_err(|refusal| data.refused(&path, refusal).message);
            (path, bytes)
        }
    };
    let bytes = bytes.map_err(|e| (2, format!("cannot read {}: {e}", path.display())))?;
    let text = crate::source::load::decode(bytes)
        .map_err(|_| (2, format!("{} is not UTF-8", path.display())))?;
    Ok(SourceFile {
        path: crate::source::load::relative(&options.dir, &path),
        text: text.into(),
    })
}

/// Errors stop the command (exit code 1, the text in the message);
/// warnings alone are printed and it goes on.
fn report(
    mut diagnostics: Vec<Diagnostic>,
    file: &SourceFile,
    checked: &Checked,
) -> Result<(), (u8, String)> {
    if diagnostics.is_empty() {
        return Ok(());
    }
    diagnostic::sort(&mut diagnostics);
    let text = diagnostic::render(&diagnostics, Format::Human, &|path| {
        if path == file.path {
            Some(&*file.text)
        } else {
            checked.sources.text_of(path)
        }
    });
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        return Err((1, text));
    }
    eprint!("{text}");
    Ok(())
}
