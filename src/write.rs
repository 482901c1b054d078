//! Stage 6: put the rendered files on disk atomically. The site is written
//! into a temporary folder beside the output and swapped in, so a failed
//! build leaves the previous site untouched and no stale file survives.

use crate::render::OutputFile;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// Marks a folder as mentorbook's output, so a build never replaces a
/// folder it did not write (a mistyped `--out .` would otherwise delete the
/// playbook itself).
pub const MARKER: &str = ".mentorbook-build";

pub fn write_site(files: &[OutputFile], out: &Path) -> Result<(), String> {
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
    std::fs::create_dir_all(&parent)
        .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    let pid = std::process::id();
    let temp = parent.join(format!(".{name}.new-{pid}"));
    let old = parent.join(format!(".{name}.old-{pid}"));
    let _ = std::fs::remove_dir_all(&temp);
    if let Err(err) = write_all(files, &temp) {
        let _ = std::fs::remove_dir_all(&temp);
        return Err(err);
    }
    if out.exists() {
        std::fs::rename(out, &old).map_err(|e| {
            let _ = std::fs::remove_dir_all(&temp);
            format!("cannot move the previous site aside: {e}")
        })?;
    }
    if let Err(e) = std::fs::rename(&temp, out) {
        // Put the previous site back: nothing is lost.
        let _ = std::fs::rename(&old, out);
        let _ = std::fs::remove_dir_all(&temp);
        return Err(format!("cannot move the new site into place: {e}"));
    }
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}

fn is_replaceable(out: &Path) -> bool {
    out.join(MARKER).is_file()
        || std::fs::read_dir(out).is_ok_and(|mut entries| entries.next().is_none())
}

fn write_all(files: &[OutputFile], dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    std::fs::write(dir.join(MARKER), b"")
        .map_err(|e| format!("cannot write into {}: {e}", dir.display()))?;
    // Folders first (once each), then the files on every core.
    let folders: std::collections::BTreeSet<PathBuf> = files
        .iter()
        .filter_map(|f| dir.join(&f.path).parent().map(Path::to_path_buf))
        .collect();
    for folder in folders {
        std::fs::create_dir_all(&folder)
            .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    }
    files.par_iter().try_for_each(|file| {
        let path = dir.join(&file.path);
        std::fs::write(&path, &file.bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))
    })
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
