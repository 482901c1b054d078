use clap::{Parser, Subcommand};
use mentorbook::diagnostic::{self, Format};
use mentorbook::pipeline;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

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
        /// human: snippets with a caret; github: workflow annotations; json.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { dir, format } => check(&dir, format),
    }
}

fn check(dir: &std::path::Path, format: Format) -> ExitCode {
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
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    if checked.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
