//! The `Site` builder: a playbook copied into a temporary folder, built or
//! checked with the real binary, and the `Built` output read back by path.
//!
//! ```ignore
//! let built = Site::from_fixture("valid").as_of("2026-04-01").build();
//! assert!(built.page("pairs/dana-and-farah/").contains("library"));
//! ```

use super::{Doc, Ran, command, copy_dir, files_under, fixture, read, repo, write};
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus};
use std::sync::Arc;

/// What a site is made of at its root: the parts `from_repo` copies.
const SITE_PARTS: &[&str] = &[
    "playbook.yaml",
    "content",
    "data",
    "snippets",
    "templates",
    "static",
];

/// A site in a temporary folder (`<tmp>/site` unless moved), and how to
/// build it. Cloning shares the folder.
#[derive(Clone)]
pub struct Site {
    tmp: Arc<tempfile::TempDir>,
    root: PathBuf,
    as_of: Option<String>,
    args: Vec<String>,
    env: Vec<(String, String)>,
}

impl Site {
    /// An empty folder for a test that writes every file itself.
    pub fn empty() -> Site {
        let tmp = tempfile::tempdir().expect("tmp");
        let root = tmp.path().join("site");
        std::fs::create_dir_all(&root).expect("site folder");
        Site::at(Arc::new(tmp), root)
    }

    /// A copy of `tests/fixtures/<name>`.
    pub fn from_fixture(name: &str) -> Site {
        Site::copy_of(&fixture(name))
    }

    /// A copy of a folder, relative to the repository root (or absolute).
    pub fn from_dir(dir: impl AsRef<Path>) -> Site {
        Site::copy_of(&repo().join(dir))
    }

    /// A copy of the default playbook at the repository root.
    pub fn from_repo() -> Site {
        let site = Site::empty();
        for part in SITE_PARTS {
            let from = repo().join(part);
            if from.is_dir() {
                copy_dir(&from, &site.path(part));
            } else if from.is_file() {
                std::fs::copy(&from, site.path(part)).expect("copy");
            }
        }
        site
    }

    /// The default playbook where it is, for builds that change nothing in
    /// it: inside the repository, so pages carry their git dates.
    pub fn repo() -> Site {
        Site::in_place(&repo())
    }

    /// A folder used where it is, not copied (a git clone, a generated
    /// program); only the output goes to a temporary folder.
    pub fn in_place(dir: &Path) -> Site {
        Site::at(
            Arc::new(tempfile::tempdir().expect("tmp")),
            dir.to_path_buf(),
        )
    }

    fn copy_of(from: &Path) -> Site {
        assert!(from.is_dir(), "{} is not a folder", from.display());
        let site = Site::empty();
        copy_dir(from, &site.root);
        site
    }

    fn at(tmp: Arc<tempfile::TempDir>, root: PathBuf) -> Site {
        Site {
            tmp,
            root,
            as_of: None,
            args: Vec::new(),
            env: Vec::new(),
        }
    }

    /// Moves the site to `<tmp>/<folder>`, e.g. into a subfolder of what
    /// becomes a git repository.
    pub fn in_folder(mut self, folder: &str) -> Site {
        let to = self.tmp.path().join(folder);
        std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
        std::fs::rename(&self.root, &to).expect("move the site");
        self.root = to;
        self
    }

    /// Builds as of this date: `--as-of DATE`.
    #[allow(clippy::wrong_self_convention)] // "as of a date", not a conversion
    pub fn as_of(mut self, date: &str) -> Site {
        self.as_of = Some(date.to_string());
        self
    }

    /// One more argument to `build`, e.g. `--drafts`.
    pub fn arg(mut self, arg: &str) -> Site {
        self.args.push(arg.to_string());
        self
    }

    /// An environment variable for `build`.
    pub fn env(mut self, key: &str, value: &str) -> Site {
        self.env.push((key.to_string(), value.to_string()));
        self
    }

    /// The site's folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The temporary folder that holds the site and its builds.
    pub fn tmp(&self) -> &Path {
        self.tmp.path()
    }

    /// A path in the site.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    pub fn read(&self, rel: &str) -> String {
        read(&self.path(rel))
    }

    /// Writes a file of the site, making its folders.
    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> &Site {
        write(&self.path(rel), bytes);
        self
    }

    /// Rewrites a file of the site; the change must change something.
    pub fn edit(&self, rel: &str, change: impl FnOnce(&str) -> String) {
        let text = self.read(rel);
        let changed = change(&text);
        assert_ne!(text, changed, "the edit to {rel} changed nothing");
        self.write(rel, changed);
    }

    /// `mentorbook SUBCOMMAND <site> ARGS`, not yet run, in the site's
    /// folder (as a contributor runs it), so diagnostics name files from
    /// there: `content/a.md`.
    pub fn command<I, S>(&self, subcommand: &str, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut command = command([OsStr::new(subcommand), self.root.as_os_str()]);
        command.args(args).current_dir(&self.root);
        command
    }

    /// Runs `mentorbook SUBCOMMAND <site> ARGS`.
    pub fn run<I, S>(&self, subcommand: &str, args: I) -> Ran
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        Ran::of(self.command(subcommand, args))
    }

    /// `mentorbook check <site>`, with `--as-of DATE` when set.
    pub fn check(&self) -> Ran {
        let as_of: Vec<&str> = match &self.as_of {
            Some(date) => vec!["--as-of", date],
            None => Vec::new(),
        };
        self.run("check", as_of)
    }

    /// Builds into `<tmp>/public`, which must succeed.
    pub fn build(&self) -> Built {
        self.build_to("public")
    }

    /// Builds into `<tmp>/<out>`, which must succeed.
    pub fn build_to(&self, out: &str) -> Built {
        let built = self.try_build_to(out);
        Built {
            ran: built.ran.expect_success(),
            ..built
        }
    }

    /// Builds into `<tmp>/public`, which may fail.
    pub fn try_build(&self) -> Built {
        self.try_build_to("public")
    }

    fn try_build_to(&self, out: &str) -> Built {
        let out = self.tmp.path().join(out);
        let mut args: Vec<OsString> = vec!["--out".into(), out.clone().into()];
        if let Some(date) = &self.as_of {
            args.extend(["--as-of".into(), date.into()]);
        }
        args.extend(self.args.iter().map(Into::into));
        let mut command = self.command("build", args);
        command.envs(self.env.iter().map(|(k, v)| (k, v)));
        Built {
            _tmp: Arc::clone(&self.tmp),
            out,
            ran: Ran::of(command),
        }
    }
}

/// The output of one `build`, read by site-relative path. It keeps the
/// temporary folder alive, so `Site::..().build()` can be read on its own.
pub struct Built {
    _tmp: Arc<tempfile::TempDir>,
    out: PathBuf,
    ran: Ran,
}

impl Built {
    /// The output folder.
    pub fn out(&self) -> &Path {
        &self.out
    }

    /// A path in the output.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.out.join(rel)
    }

    /// The HTML of a page by its URL: `pairs/a/` (or `""` for the home
    /// page) reads `pairs/a/index.html`; `404.html` reads that file.
    pub fn page(&self, url: &str) -> String {
        let file = if url.is_empty() || url.ends_with('/') {
            format!("{url}index.html")
        } else {
            url.to_string()
        };
        let path = self.path(&file);
        std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "page {url:?}: cannot read {} ({e}); the build wrote {} files",
                path.display(),
                self.files().len()
            )
        })
    }

    /// A page parsed, to query with CSS selectors.
    pub fn doc(&self, url: &str) -> Doc {
        Doc::parse(&self.page(url))
    }

    /// An output file's text (`progress.csv`, `search/index.js`).
    pub fn file(&self, rel: &str) -> String {
        read(&self.path(rel))
    }

    /// An output file's bytes.
    pub fn bytes(&self, rel: &str) -> Vec<u8> {
        let path = self.path(rel);
        std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// Every output file, as a sorted site-relative path with `/`.
    pub fn files(&self) -> Vec<String> {
        files_under(&self.out)
            .iter()
            .map(|p| {
                let rel = p.strip_prefix(&self.out).expect("prefix");
                rel.to_string_lossy().replace('\\', "/")
            })
            .collect()
    }

    /// The output files whose text contains `needle`.
    /// The output files holding `needle`, case aside (the search index
    /// lowercases words).
    pub fn files_containing(&self, needle: &str) -> Vec<String> {
        let needle = needle.to_lowercase();
        self.files()
            .into_iter()
            .filter(|f| {
                String::from_utf8_lossy(&self.bytes(f))
                    .to_lowercase()
                    .contains(&needle)
            })
            .collect()
    }

    pub fn status(&self) -> ExitStatus {
        self.ran.status()
    }

    pub fn stderr(&self) -> String {
        self.ran.stderr()
    }
}
