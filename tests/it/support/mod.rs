//! What the tests share: where the repository and its fixtures are, running
//! the real `mentorbook` binary, and the file helpers behind the [`Site`]
//! builder. The tests drive the binary; the library calls they make stay in
//! the tests that make them.

mod allow_list;
mod html;
mod links;
pub use links::normalize;
mod secrets;
mod site;

pub use allow_list::assert_allow_listed;
pub use html::{Doc, selector};
pub use secrets::{SECRETS, site_with_secrets};
pub use site::{Built, Site};

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Output};

/// The repository root (the default playbook lives here).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `tests/fixtures/<name>`; `fixture("")` is the fixtures folder itself.
pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// The mentorbook binary with `args`, not yet run. SOURCE_DATE_EPOCH is
/// cleared so that only the arguments decide the date a build is made for.
pub fn command<I, S>(args: I) -> Command
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut command = Command::new(env!("CARGO_BIN_EXE_mentorbook"));
    command.args(args).env_remove("SOURCE_DATE_EPOCH");
    command
}

/// Runs `mentorbook ARGS` in the tests' working folder.
pub fn run<I, S>(args: I) -> Ran
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    Ran::of(command(args))
}

/// Runs `mentorbook ARGS` in `dir`, as a contributor does from their
/// checkout.
pub fn run_in<I, S>(dir: &Path, args: I) -> Ran
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut command = command(args);
    command.current_dir(dir);
    Ran::of(command)
}

/// A finished run of the binary.
pub struct Ran {
    /// The command line, for failure messages.
    line: String,
    output: Output,
}

impl Ran {
    pub fn of(mut command: Command) -> Ran {
        let line = std::iter::once(command.get_program())
            .chain(command.get_args())
            .map(|part| part.to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join(" ");
        let output = command
            .output()
            .unwrap_or_else(|e| panic!("cannot run {line}: {e}"));
        Ran { line, output }
    }

    /// Panics, with the command line and its stderr, unless it exited 0.
    pub fn expect_success(self) -> Ran {
        assert!(
            self.output.status.success(),
            "{} failed ({}): {}",
            self.line,
            self.output.status,
            self.stderr()
        );
        self
    }

    pub fn status(&self) -> ExitStatus {
        self.output.status
    }

    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).into_owned()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }

    /// Stdout parsed as JSON (`check --format json|gitlab`).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.output.stdout).unwrap_or_else(|e| {
            panic!("{}: stdout is not JSON ({e}): {}", self.line, self.stdout())
        })
    }

    /// `check --format json`'s diagnostics as `file:line:col code` lines.
    pub fn located(&self) -> Vec<String> {
        let serde_json::Value::Array(list) = self.json() else {
            panic!("{}: not a list: {}", self.line, self.stdout());
        };
        list.iter()
            .map(|d| {
                let text = |key: &str| d[key].as_str().unwrap_or_default().to_string();
                format!(
                    "{}:{}:{} {}",
                    text("file"),
                    d["line"],
                    d["col"],
                    text("code")
                )
            })
            .collect()
    }
}

/// Every file under `dir`, sorted.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = std::fs::read_dir(&folder)
            .unwrap_or_else(|e| panic!("cannot list {}: {e}", folder.display()));
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Copies a folder's files to `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    for file in files_under(from) {
        let target = to.join(file.strip_prefix(from).expect("prefix"));
        std::fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
        std::fs::copy(&file, &target)
            .unwrap_or_else(|e| panic!("cannot copy {}: {e}", file.display()));
    }
}

/// A file's text, with its path in the panic message.
pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Writes `bytes` to `path`, making its folders first.
pub fn write(path: &Path, bytes: impl AsRef<[u8]>) {
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}
