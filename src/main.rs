//! The command line: parses it and hands each command to
//! `mentorbook::commands`.

use clap::{CommandFactory, Parser, Subcommand};
use mentorbook::commands;
use mentorbook::diagnostic::Format;
use std::path::PathBuf;
use std::process::ExitCode;

// mimalloc rather than glibc's malloc: a build makes and drops many small
// strings on every core, and glibc's allocator was about a sixth of a
// 10,000-page build's samples (see BENCHMARKS.md, "Where the time goes").
// Built without transparent huge pages (Cargo.toml's `no_thp`): with them,
// the kernel zeroed a whole 2 MiB page the first time mimalloc touched any
// of it, 7-20% of a 10,000-page build's samples; with 4 KiB pages that is
// under 1%, and the peak memory 120-129 MB instead of 147-155 MB.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Build, preview and check mentoring-program playbooks.
#[derive(Parser)]
#[command(name = "mentorbook", version, about, propagate_version = true)]
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
        #[arg(long, value_enum, default_value_t = FormatArg::Human)]
        format: FormatArg,
        /// Print diagnostics' paths from this folder (e.g. the repository's
        /// root) instead of the current one; a site outside it is shown by
        /// the path given.
        #[arg(long, value_name = "DIR")]
        root: Option<PathBuf>,
        /// Check sessions and pairs as of this date (YYYY-MM-DD): a session
        /// still planned before it, a pair past its end [default:
        /// SOURCE_DATE_EPOCH's date, else today].
        #[arg(long, value_parser = parse_as_of)]
        as_of: Option<chrono::NaiveDate>,
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
        /// Print diagnostics' paths from this folder (e.g. the repository's
        /// root) instead of the current one; a site outside it is shown by
        /// the path given.
        #[arg(long, value_name = "DIR")]
        root: Option<PathBuf>,
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
        /// can see the preview (any other address prints a warning).
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// Also answer requests that name this host (repeatable): a name this
        /// computer goes by, e.g. `intranet.example`. Requests naming any
        /// other host are refused, so a web page cannot read the preview
        /// through DNS rebinding; `localhost` and IP addresses are always
        /// answered.
        #[arg(long = "allow-host", value_name = "NAME", value_parser = parse_allow_host)]
        allow_host: Vec<String>,
        /// Open the site in a browser.
        #[arg(long)]
        open: bool,
        /// Compute progress as of this date (YYYY-MM-DD) [default:
        /// SOURCE_DATE_EPOCH's date, else today].
        #[arg(long, value_parser = parse_as_of)]
        as_of: Option<chrono::NaiveDate>,
        /// Include pages marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Print diagnostics' paths from this folder (e.g. the repository's
        /// root) instead of the current one; a site outside it is shown by
        /// the path given.
        #[arg(long, value_name = "DIR")]
        root: Option<PathBuf>,
    },
    /// Summarise what changed between two versions of a playbook (pairs,
    /// statuses, sessions logged, steps done, pages), as Markdown for a
    /// pull-request comment. A side with errors is refused (exit code 1,
    /// its errors on stderr, nothing on stdout).
    Diff {
        /// The version before the change (e.g. a worktree of the base branch).
        base: PathBuf,
        /// The version after the change.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Compute statuses as of this date (YYYY-MM-DD) [default:
        /// SOURCE_DATE_EPOCH's date, else today].
        #[arg(long, value_parser = parse_as_of)]
        as_of: Option<chrono::NaiveDate>,
        /// Print diagnostics' paths from this folder (e.g. the repository's
        /// root) instead of the current one; a site outside it is shown by
        /// the path given.
        #[arg(long, value_name = "DIR")]
        root: Option<PathBuf>,
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
        /// DIR/content/cohorts/<cohort-slug>-draft.md, or in the folder of
        /// the `--program`]; never overwritten.
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
        /// The program the cohort belongs to (its id in playbook.yaml's
        /// `programs:`); required when the site has several. The draft
        /// goes into its folder, and only its pairs and rules count.
        #[arg(long, value_name = "ID")]
        program: Option<String>,
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
    /// Print the shell completion script for SHELL.
    ///
    /// e.g. `mentorbook completions bash >
    /// ~/.local/share/bash-completion/completions/mentorbook`, or for zsh
    /// into a folder of your `fpath` as `_mentorbook`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `mentorbook man | man -l -`.
    Man {
        /// Write a page per command into this folder instead (mentorbook.1,
        /// mentorbook-build.1, ...), e.g. ~/.local/share/man/man1.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
}

/// `--format`'s words; the formats themselves are `diagnostic::Format`.
#[derive(Clone, Copy, clap::ValueEnum)]
enum FormatArg {
    Human,
    Github,
    /// GitLab's Code Quality report (JSON), shown on merge requests.
    Gitlab,
    Json,
}

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Format {
        match arg {
            FormatArg::Human => Format::Human,
            FormatArg::Github => Format::Github,
            FormatArg::Gitlab => Format::Gitlab,
            FormatArg::Json => Format::Json,
        }
    }
}

fn parse_allow_host(text: &str) -> Result<String, String> {
    commands::serve::parse_allow_host(text)
}

fn parse_as_of(text: &str) -> Result<chrono::NaiveDate, String> {
    mentorbook::source::fields::parse_date(text)
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Check {
            dir,
            format,
            root,
            as_of,
        } => commands::check::run(&dir, root.as_deref(), format.into(), as_of),
        Command::Serve {
            dir,
            port,
            bind,
            allow_host,
            open,
            as_of,
            drafts,
            root,
        } => commands::serve::run(commands::serve::Args {
            dir,
            root,
            bind,
            port,
            allow_hosts: allow_host,
            open,
            as_of,
            drafts,
        }),
        Command::Diff {
            base,
            dir,
            as_of,
            root,
        } => commands::diff::run(&base, &dir, root.as_deref(), as_of),
        Command::Match {
            dir,
            cohort,
            out,
            explain,
            start,
            signups,
            program,
        } => {
            let options = commands::match_pairs::Options {
                dir,
                cohort,
                out,
                explain,
                start,
                signups,
                program,
            };
            commands::match_pairs::run(&options)
        }
        Command::Init { dir } => commands::init::run(&dir),
        Command::Completions { shell } => commands::cli_docs::completions(shell, Cli::command()),
        Command::Man { out } => commands::cli_docs::man(Cli::command(), out.as_deref()),
        Command::Build {
            dir,
            out,
            as_of,
            drafts,
            base_url,
            root,
        } => commands::build::run(commands::build::Args {
            dir,
            root,
            out,
            as_of,
            drafts,
            base_url,
        }),
    }
}
