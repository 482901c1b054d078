//! `mentorbook build`: check, render and swap the site into its output
//! folder; a failed build says why and leaves the previous output as it was.

use super::shown_paths::ShownPaths;
use super::usage_error;
use crate::diagnostic::{self, Format, Severity};
use crate::pipeline::{self, BuildError, BuildOptions, Checked};
use crate::render;
use chrono::NaiveDate;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// What `build` takes from the command line.
pub struct Args {
    pub dir: PathBuf,
    /// The folder diagnostics' paths are printed from (see `ShownPaths`).
    pub root: Option<PathBuf>,
    /// Default: `DIR/public`.
    pub out: Option<PathBuf>,
    /// Default: see `commands::as_of`.
    pub as_of: Option<NaiveDate>,
    pub drafts: bool,
    /// Overrides `base_url` in playbook.yaml.
    pub base_url: Option<String>,
}

pub fn run(args: Args) -> ExitCode {
    let as_of = match super::as_of(args.as_of) {
        Ok(date) => date,
        Err(code) => return code,
    };
    // playbook.yaml's `base_url` is checked with the site; the flag is not.
    if let Some(problem) = args
        .base_url
        .as_deref()
        .and_then(crate::config::web_address_problem)
    {
        return usage_error(format!(
            "`--base-url` {problem} (e.g. `{}`)",
            crate::config::BASE_URL.example
        ));
    }
    let options = BuildOptions {
        out: args.out.unwrap_or_else(|| args.dir.join("public")),
        render: render::Options {
            as_of,
            drafts: args.drafts,
        },
        base_url: args.base_url,
    };
    let shown = ShownPaths::new(&args.dir, args.root.as_deref());
    build(&args.dir, &options, &shown)
}

fn build(dir: &Path, options: &BuildOptions, shown: &ShownPaths) -> ExitCode {
    let started = Instant::now();
    match pipeline::build(dir, options) {
        Ok(built) => {
            super::print_timings(&built.checked.timings);
            print_diagnostics(&built.checked, shown);
            // What was published: drafts only with `--drafts`.
            let playbook = &built.checked.playbook;
            let published = render::published_pages(playbook, &options.render);
            let pages = published.iter().filter(|p| **p).count();
            let pairs = playbook
                .pairs
                .iter()
                .filter(|p| p.public(&published).published)
                .count();
            println!(
                "Built {} ({pages} pages, {pairs} pairs, {} files, as of {}) in {} ms",
                options.out.display(),
                built.files,
                options.render.as_of,
                started.elapsed().as_millis()
            );
            // The process ends next, and the system takes its memory back
            // at once: freeing the site's model, records and search entries
            // one allocation at a time took 15-20 ms at 10,000 pages, on
            // one core, after the site was already out.
            std::mem::forget(built);
            ExitCode::SUCCESS
        }
        Err(BuildError::Io(message)) => usage_error(message),
        Err(BuildError::Invalid(checked)) => {
            super::print_timings(&checked.timings);
            print_diagnostics(&checked, shown);
            let errors = diagnostic::count(&checked.diagnostics, Severity::Error);
            eprintln!(
                "error: the build stopped on {errors} error{}; {} was left as it was",
                if errors == 1 { "" } else { "s" },
                options.out.display()
            );
            ExitCode::from(1)
        }
    }
}

/// Warnings (and errors) on stderr, so stdout holds only the summary.
fn print_diagnostics(checked: &Checked, shown: &ShownPaths) {
    if checked.diagnostics.is_empty() {
        return;
    }
    let text = shown.render(&checked.diagnostics, Format::Human, &checked.sources);
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}
