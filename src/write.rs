//! Stage 7: put the rendered files on disk atomically. Pages are written,
//! as they are rendered, into a temporary folder beside the output, which is
//! swapped in only when the whole site is done: a failed build leaves the
//! previous site untouched and no stale file survives. Nothing is written
//! outside that folder whatever path a file claims, and what an interrupted
//! build left beside the output is removed by the next one.

use crate::render::{OutputFile, Sink};
use rustc_hash::FxHashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

/// Marks a folder as mentorbook's output, so a build never replaces a
/// folder it did not write (a mistyped `--out .` would otherwise delete the
/// playbook itself).
const MARKER: &str = ".mentorbook-build";

/// A temporary folder being filled with the new site. Dropped without
/// `commit`, it is removed and the output is left as it was.
pub struct Staging {
    out: PathBuf,
    temp: PathBuf,
    old: PathBuf,
    /// Folders made so far, by their path within the site.
    folders: Mutex<FxHashSet<String>>,
    committed: bool,
}

impl Staging {
    pub fn new(out: &Path) -> Result<Staging, String> {
        let name = out
            .file_name()
            .ok_or_else(|| format!("{} cannot be the output folder", out.display()))?
            .to_string_lossy()
            .into_owned();
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if out.exists() && !is_replaceable(out) {
            return Err(format!(
                "{} exists and was not written by mentorbook; choose another --out or remove it",
                out.display()
            ));
        }
        remove_leftovers(&parent, &name, out);
        let pid = std::process::id();
        let temp = parent.join(format!(".{name}.new-{pid}"));
        // `create_dir`, not `create_dir_all`: a folder of that name that
        // survived `remove_leftovers` is not ours to fill and remove.
        std::fs::create_dir(&temp).map_err(|e| format!("cannot create {}: {e}", temp.display()))?;
        std::fs::write(temp.join(MARKER), b"")
            .map_err(|e| format!("cannot write into {}: {e}", temp.display()))?;
        Ok(Staging {
            out: out.to_path_buf(),
            old: parent.join(format!(".{name}.old-{pid}")),
            folders: Mutex::default(),
            temp,
            committed: false,
        })
    }

    /// Swaps the new site in for the old one.
    pub fn commit(mut self) -> Result<(), String> {
        if self.out.exists() {
            std::fs::rename(&self.out, &self.old)
                .map_err(|e| format!("cannot move the previous site aside: {e}"))?;
        }
        if let Err(e) = std::fs::rename(&self.temp, &self.out) {
            // Put the previous site back: nothing is lost.
            let _ = std::fs::rename(&self.old, &self.out);
            return Err(format!("cannot move the new site into place: {e}"));
        }
        self.committed = true;
        let _ = std::fs::remove_dir_all(&self.old);
        Ok(())
    }
}

impl Sink for Staging {
    fn put(&self, file: OutputFile) -> Result<(), String> {
        let relative = file.safe_path()?;
        let path = self.temp.join(relative);
        // Folders are known by their path in the site as written (hashing a
        // `Path` goes component by component: half of this function's
        // instructions when every page has a folder of its own).
        if let (Some((within, _)), Some(folder)) = (relative.rsplit_once('/'), path.parent()) {
            let known = self.folders.lock().is_ok_and(|f| f.contains(within));
            if !known {
                std::fs::create_dir_all(folder)
                    .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
                if let Ok(mut folders) = self.folders.lock() {
                    folders.insert(within.to_string());
                }
            }
        }
        std::fs::write(&path, &file.bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.temp);
        }
    }
}

/// Writes a whole set of files at once (what `build` does page by page).
pub fn write_site(files: &[OutputFile], out: &Path) -> Result<(), String> {
    let staging = Staging::new(out)?;
    for file in files {
        staging.put(file.clone())?;
    }
    staging.commit()
}

/// How long a leftover staging folder must have been left alone before it
/// is taken for an interrupted build's where the system cannot say whether
/// a process still runs (no `/proc`): far longer than any build takes.
const STALE_AFTER: Duration = Duration::from_secs(6 * 60 * 60);

/// Removes what earlier builds into `out` left beside it when they were
/// interrupted (killed, a power cut): `.<name>.new-<pid>` folders they were
/// filling and `.<name>.old-<pid>` ones they were swapping out (30
/// interruptions of a large site left gigabytes). A folder goes only if its
/// name has exactly that form, it is a folder and not a link, it holds
/// mentorbook's marker (or nothing), and its build is over. An interrupted
/// swap can leave no output at all: then the previous site, in its `.old-`
/// folder, is put back rather than removed.
fn remove_leftovers(parent: &Path, name: &str, out: &Path) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some((pid, kind)) = file_name.to_str().and_then(|n| leftover_of(n, name)) else {
            continue;
        };
        let path = entry.path();
        // The entry's own type: a link to a folder is not a folder here.
        let is_folder = entry.file_type().is_ok_and(|t| t.is_dir());
        if !is_folder || !is_replaceable(&path) || !build_is_over(pid, &path) {
            continue;
        }
        if kind == Leftover::Old && !out.exists() && std::fs::rename(&path, out).is_ok() {
            continue;
        }
        let _ = std::fs::remove_dir_all(&path);
    }
}

#[derive(Debug, PartialEq, Eq)]
enum Leftover {
    New,
    Old,
}

/// The pid and kind of a staging folder's name for output `name`.
fn leftover_of(file_name: &str, name: &str) -> Option<(u32, Leftover)> {
    let rest = file_name.strip_prefix('.')?.strip_prefix(name)?;
    let (pid, kind) = match rest.strip_prefix(".new-") {
        Some(pid) => (pid, Leftover::New),
        None => (rest.strip_prefix(".old-")?, Leftover::Old),
    };
    if pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((pid.parse().ok()?, kind))
}

/// Whether the build of process `pid`, whose staging folder is `path`, can
/// no longer be running. Our own pid's folders are from a process that
/// ended before ours started. On Linux `/proc` says which processes run;
/// elsewhere (std cannot ask) a folder untouched for `STALE_AFTER` is over.
fn build_is_over(pid: u32, path: &Path) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let proc = Path::new("/proc");
    if proc.join("self").is_dir() {
        return !proc.join(pid.to_string()).exists();
    }
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .is_ok_and(|t| t.elapsed().is_ok_and(|age| age > STALE_AFTER))
}

fn is_replaceable(out: &Path) -> bool {
    out.join(MARKER).is_file()
        || std::fs::read_dir(out).is_ok_and(|mut entries| entries.next().is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn a_new_build_replaces_the_old_one_without_stale_files() {
        let dir = tempdir();
        let out = dir.join("public");
        write_site(&[file("a/index.html", "one"), file("old.html", "x")], &out).expect("first");
        write_site(&[file("a/index.html", "two")], &out).expect("second");
        assert_eq!(
            std::fs::read_to_string(out.join("a/index.html")).expect("read"),
            "two"
        );
        assert!(!out.join("old.html").exists());
        let leftovers: Vec<_> = std::fs::read_dir(&dir)
            .expect("dir")
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(leftovers, vec![std::ffi::OsString::from("public")]);
    }

    #[test]
    fn a_folder_mentorbook_did_not_write_is_never_replaced() {
        let dir = tempdir();
        std::fs::write(dir.join("precious.md"), "keep").expect("write");
        let err = write_site(&[file("index.html", "x")], &dir).expect_err("refused");
        assert!(err.contains("was not written by mentorbook"), "{err}");
        assert!(dir.join("precious.md").exists());
    }

    #[test]
    fn a_path_that_leaves_the_staging_folder_is_refused_whoever_asks() {
        let dir = tempdir();
        let out = dir.join("public");
        let staging = Staging::new(&out).expect("staging");
        for path in ["../x", "../../x", "/tmp/x", "a/../../x", "", "a//b"] {
            let err = staging.put(file(path, "evil")).expect_err(path);
            assert!(err.contains("refused to write"), "{path}: {err}");
        }
        assert!(!dir.join("x").exists());
        staging
            .put(file("ok/index.html", "fine"))
            .expect("a plain path");
        staging.commit().expect("commit");
        assert_eq!(
            std::fs::read_to_string(out.join("ok/index.html")).expect("read"),
            "fine"
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn an_interrupted_builds_folders_go_and_nothing_else_does() {
        let dir = tempdir();
        let out = dir.join("public");
        let dead = dead_pid();
        let folder = |name: &str, marker: bool| {
            let path = dir.join(name);
            std::fs::create_dir_all(path.join("pairs")).expect("mkdir");
            std::fs::write(path.join("pairs/index.html"), "x").expect("write");
            if marker {
                std::fs::write(path.join(MARKER), "").expect("marker");
            }
            path
        };
        let new = folder(&format!(".public.new-{dead}"), true);
        let old = folder(&format!(".public.old-{dead}"), true);
        let unmarked = folder(&format!(".public.new-{}", dead_pid()), false);
        let running = folder(".public.new-1", true);
        let other_site = folder(&format!(".docs.new-{dead}"), true);
        let keep = folder(".public.keep", true);
        let odd = folder(&format!(".public.new-{dead}x"), true);
        write_site(&[file("index.html", "x")], &out).expect("build");
        assert!(
            !new.exists() && !old.exists(),
            "the dead build's folders are gone"
        );
        for kept in [&unmarked, &running, &other_site, &keep, &odd] {
            assert!(kept.join("pairs/index.html").exists(), "{}", kept.display());
        }
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn an_interrupted_swap_gets_the_previous_site_back() {
        let dir = tempdir();
        let out = dir.join("public");
        write_site(&[file("index.html", "previous")], &out).expect("first");
        // Killed between moving the old site aside and moving the new in.
        let aside = dir.join(format!(".public.old-{}", dead_pid()));
        std::fs::rename(&out, &aside).expect("aside");
        let staging = Staging::new(&out).expect("staging");
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).expect("put back"),
            "previous"
        );
        drop(staging);
        assert!(!aside.exists());
    }

    /// The pid of a process that has ended.
    #[cfg(target_os = "linux")]
    fn dead_pid() -> u32 {
        let mut child = std::process::Command::new("true").spawn().expect("spawn");
        let pid = child.id();
        child.wait().expect("wait");
        pid
    }

    fn tempdir() -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "mentorbook-write-{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos())
        ));
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir
    }
}
