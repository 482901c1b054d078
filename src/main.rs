use clap::{Parser, Subcommand};
use mentorbook::diagnostic::{self, Format, Severity};
use mentorbook::pipeline::{self, BuildError, BuildOptions, Checked};
use mentorbook::render;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Build, preview and check mentoring-program playbooks.
#[derive(Parser)]
#[command(name = "mentorbook", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate the playbook and report every problem at file:line:col.
    ///
    /// Exit code 0: no errors (warnings allowed); 1: errors; 2: the site
    /// could not be read.
    Check {
        /// The site folder (holding content/ and playbook.yaml).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// human: snippets with a caret; github: workflow annotations; gitlab:
        /// a Code Quality report; json.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Build the site. A failed build leaves the previous output untouched.
    Build {
        /// The site folder (holding content/ and playbook.yaml).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Output folder [default: DIR/public].
        #[arg(long)]
        out: Option<PathBuf>,
        /// Compute progress as of this date (YYYY-MM-DD) [default:
        /// SOURCE_DATE_EPOCH's date, else today].
        #[arg(long, value_parser = parse_as_of)]
        as_of: Option<chrono::NaiveDate>,
        /// Include pages marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Overrides `base_url` in playbook.yaml (used only for absolute links).
        #[arg(long)]
        base_url: Option<String>,
    },
    /// Preview the site: build it into memory, serve it, rebuild on every
    /// change and reload open pages. A failed rebuild shows its errors over
    /// the last good pages.
    Serve {
        /// The site folder (holding content/ and playbook.yaml).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Port to listen on (0: any free port).
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Address to listen on; loopback by default, so only this computer
        /// can see the preview.
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// Open the site in a browser.
        #[arg(long)]
        open: bool,
        /// Compute progress as of this date (YYYY-MM-DD) [default: today].
        #[arg(long, value_parser = parse_as_of)]
        as_of: Option<chrono::NaiveDate>,
        /// Include pages marked `draft: true`.
        #[arg(long)]
        drafts: bool,
    },
    /// Summarise what changed between two versions of a playbook (pairs,
    /// statuses, sessions logged, steps done, pages), as Markdown for a
    /// pull-request comment.
    Diff {
        /// The version before the change (e.g. a worktree of the base branch).
        base: PathBuf,
        /// The version after the change.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Compute statuses as of this date (YYYY-MM-DD) [default: today].
        #[arg(long, value_parser = parse_as_of)]
        as_of: Option<chrono::NaiveDate>,
    },
    /// Propose mentor/mentee pairs from data/signups.csv: hard rules
    /// (reporting line, same manager, avoid lists, capacity) first, then
    /// the assignment with the highest total score, written as a roster
    /// draft for review.
    ///
    /// Exit code 0: done; 1: problems in the sign-up list; 2: usage error
    /// (or the draft file already exists).
    Match {
        /// The site folder (holding content/ and playbook.yaml).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The cohort's name.
        #[arg(long, default_value = "New cohort")]
        cohort: String,
        /// The draft to write [default:
        /// DIR/content/cohorts/<cohort-slug>-draft.md]; never overwritten.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Print the candidates for one person, with their scores and the
        /// rule excluding each excluded one, instead of writing a draft.
        #[arg(long, value_name = "ID")]
        explain: Option<String>,
        /// The cohort's start date (YYYY-MM-DD) [default: today].
        #[arg(long, value_parser = parse_as_of)]
        start: Option<chrono::NaiveDate>,
        /// The sign-up list [default: DIR/data/signups.csv].
        #[arg(long)]
        signups: Option<PathBuf>,
    },
    /// Start a new playbook: a small working program to edit.
    ///
    /// Writes playbook.yaml and content/ into DIR; refuses to overwrite
    /// any existing file.
    Init {
        /// The folder to create the playbook in.
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
}

fn parse_as_of(text: &str) -> Result<chrono::NaiveDate, String> {
    mentorbook::fields::parse_date(text)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { dir, format } => check(&dir, format),
        Command::Serve {
            dir,
            port,
            bind,
            open,
            as_of,
            drafts,
        } => {
            if !dir.join("content").is_dir() {
                eprintln!(
                    "error: {} has no content/ folder; run `mentorbook init {}` to start a playbook",
                    dir.display(),
                    dir.display()
                );
                return ExitCode::from(2);
            }
            let Some(as_of) = as_of.or_else(as_of_from_env) else {
                eprintln!("error: SOURCE_DATE_EPOCH is not a number of seconds");
                return ExitCode::from(2);
            };
            let options = mentorbook::serve::Options {
                root: dir,
                bind,
                port,
                open,
                render: render::Options { as_of, drafts },
            };
            match mentorbook::serve::run(options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(message) => {
                    eprintln!("error: {message}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Diff { base, dir, as_of } => {
            let Some(as_of) = as_of.or_else(as_of_from_env) else {
                eprintln!("error: SOURCE_DATE_EPOCH is not a number of seconds");
                return ExitCode::from(2);
            };
            match (
                pipeline::load_and_check(&base),
                pipeline::load_and_check(&dir),
            ) {
                (Ok(before), Ok(after)) => {
                    let summary =
                        mentorbook::diff::summarize(&before.playbook, &after.playbook, as_of);
                    print!("{}", mentorbook::diff::to_markdown(&summary, as_of));
                    ExitCode::SUCCESS
                }
                (Err(message), _) | (_, Err(message)) => {
                    eprintln!("error: {message}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Match {
            dir,
            cohort,
            out,
            explain,
            start,
            signups,
        } => {
            use mentorbook::commands::match_pairs::{self, Outcome};
            let options = match_pairs::Options {
                dir,
                cohort,
                out,
                explain,
                start: start.unwrap_or_else(|| chrono::Utc::now().date_naive()),
                signups,
            };
            match match_pairs::run(&options) {
                Ok(Outcome::Explained(text)) => {
                    print!("{text}");
                    ExitCode::SUCCESS
                }
                Ok(Outcome::Written(path, pairs, unmatched)) => {
                    println!(
                        "Wrote {} ({pairs} pairs proposed, {unmatched} unmatched). Review it, then run `mentorbook check`.",
                        path.display()
                    );
                    ExitCode::SUCCESS
                }
                Err((code, message)) => {
                    if code == 1 {
                        eprint!("{message}");
                    } else {
                        eprintln!("error: {message}");
                    }
                    ExitCode::from(code)
                }
            }
        }
        Command::Init { dir } => {
            match mentorbook::init::init(&dir, chrono::Utc::now().date_naive()) {
                Ok(files) => {
                    println!(
                        "Created a playbook in {} ({} files).",
                        dir.display(),
                        files.len()
                    );
                    println!(
                        "Next: mentorbook check {0} && mentorbook build {0}",
                        dir.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(message) => {
                    eprintln!("error: {message}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Build {
            dir,
            out,
            as_of,
            drafts,
            base_url,
        } => {
            let Some(as_of) = as_of.or_else(as_of_from_env) else {
                eprintln!("error: SOURCE_DATE_EPOCH is not a number of seconds");
                return ExitCode::from(2);
            };
            let options = BuildOptions {
                out: out.unwrap_or_else(|| dir.join("public")),
                render: render::Options { as_of, drafts },
                base_url,
            };
            build(&dir, &options)
        }
    }
}

/// SOURCE_DATE_EPOCH (the reproducible-builds convention), else today.
/// `None` when the variable is set but unusable.
fn as_of_from_env() -> Option<chrono::NaiveDate> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(value) => value
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0))
            .map(|t| t.date_naive()),
        Err(_) => Some(chrono::Utc::now().date_naive()),
    }
}

fn print_diagnostics(checked: &Checked, to_stderr: bool) {
    if checked.diagnostics.is_empty() {
        return;
    }
    let text = diagnostic::render(&checked.diagnostics, Format::Human, &|path| {
        checked.sources.text_of(path)
    });
    if to_stderr {
        let _ = std::io::stderr().lock().write_all(text.as_bytes());
    } else {
        let _ = std::io::stdout().lock().write_all(text.as_bytes());
    }
}

fn check(dir: &Path, format: Format) -> ExitCode {
    let checked = match pipeline::load_and_check(dir) {
        Ok(checked) => checked,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    let text = diagnostic::render(&checked.diagnostics, format, &|path| {
        checked.sources.text_of(path)
    });
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    if checked.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn build(dir: &Path, options: &BuildOptions) -> ExitCode {
    let started = Instant::now();
    match pipeline::build(dir, options) {
        Ok(built) => {
            print_diagnostics(&built.checked, true);
            let pages = built.checked.playbook.pages.len();
            let pairs = built.checked.playbook.pairs.len();
            println!(
                "Built {} ({pages} pages, {pairs} pairs, {} files, as of {}) in {} ms",
                options.out.display(),
                built.files,
                options.render.as_of,
                started.elapsed().as_millis()
            );
            ExitCode::SUCCESS
        }
        Err(BuildError::Io(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
        Err(BuildError::Invalid(checked)) => {
            print_diagnostics(&checked, true);
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
