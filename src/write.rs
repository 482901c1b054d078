//! Stage 7: put the rendered files on disk atomically. Pages are written,
//! as they are rendered, into a temporary folder beside the output, which is
//! swapped in only when the whole site is done: a failed build leaves the
//! previous site untouched and no stale file survives.

use crate::render::{OutputFile, Sink};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

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
    folders: Mutex<HashSet<PathBuf>>,
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
        let pid = std::process::id();
        let temp = parent.join(format!(".{name}.new-{pid}"));
        let _ = std::fs::remove_dir_all(&temp);
        std::fs::create_dir_all(&temp)
            .map_err(|e| format!("cannot create {}: {e}", temp.display()))?;
        std::fs::write(temp.join(MARKER), b"")
            .map_err(|e| format!("cannot write into {}: {e}", temp.display()))?;
        Ok(Staging {
            out: out.to_path_buf(),
            old: parent.join(format!(".{name}.old-{pid}")),
            folders: Mutex::new(HashSet::from([temp.clone()])),
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
        let path = self.temp.join(&file.path);
        if let Some(folder) = path.parent() {
            let known = self.folders.lock().is_ok_and(|f| f.contains(folder));
            if !known {
                std::fs::create_dir_all(folder)
                    .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
                if let Ok(mut folders) = self.folders.lock() {
                    folders.insert(folder.to_path_buf());
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
