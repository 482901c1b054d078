//! Which files on disk the site reads: the one rule for links and special
//! files, used when loading `content/`, `data/` and `playbook.yaml`, when
//! reading the site's `templates/` and `static/`, and when `serve` reads a
//! file again after an edit (through `load::read`).
//!
//! A file is read only where it seems to be. A link is followed only if its
//! real path stays inside the folder it was found in (`content/`, `data/`,
//! `templates/`, `static/`; the site folder for `playbook.yaml`), and only
//! regular files are read (no devices, FIFOs or sockets). So a link cannot
//! bring an outside folder, a CSV of people or `/proc/self/environ` into
//! the site (nor its first line into `check`'s output), and nothing under
//! `data/`, `content/` or `playbook.yaml` is published through `static/`.
//! A skipped link is a warning naming it and saying why.

use crate::diagnostic::{Code, Diagnostic, Span};
use std::path::{Path, PathBuf};
use walkdir::{DirEntry, WalkDir};

/// One of the site's folders and where its files must really be.
pub struct Folder {
    /// The site folder as given, for the paths messages show.
    root: PathBuf,
    /// The folder as given (`<root>/content`).
    path: PathBuf,
    /// The real path its files must be under: the real site folder joined
    /// with the folder's name. The folder itself is not resolved, so a
    /// `static/` that is a link to `data/` publishes nothing.
    real: PathBuf,
    /// `content/`, `static/`, or `the site folder`.
    label: String,
}

/// Why a file or a link is not read.
#[derive(Debug)]
pub enum Refusal {
    /// A link whose real path leaves its folder: its target as written.
    Outside(PathBuf),
    /// A link to a folder that contains it.
    Loop,
    /// A device, FIFO or socket.
    NotRegular,
    /// The file cannot be read at all.
    Io(std::io::Error),
}

impl Folder {
    /// `name` (`content`, `static`; `""` for the site folder itself) of
    /// the site at `root`.
    pub fn of(root: &Path, name: &str) -> Folder {
        // A site folder that cannot be resolved admits nothing, since no
        // real path is under it.
        let real_root = root
            .canonicalize()
            .unwrap_or_else(|_| PathBuf::from("\0unresolved"));
        let (path, real, label) = if name.is_empty() {
            (root.to_path_buf(), real_root, "the site folder".to_string())
        } else {
            (root.join(name), real_root.join(name), format!("{name}/"))
        };
        Folder {
            root: root.to_path_buf(),
            path,
            real,
            label,
        }
    }

    /// Whether the link at `link`, inside this folder, may be followed.
    pub fn follow(&self, link: &Path) -> Result<(), Refusal> {
        let target = link.canonicalize().map_err(Refusal::Io)?;
        let parent = link
            .parent()
            .and_then(|p| p.canonicalize().ok())
            .unwrap_or_default();
        if parent.starts_with(&target) {
            return Err(Refusal::Loop);
        }
        if !target.starts_with(&self.real) {
            return Err(Refusal::Outside(std::fs::read_link(link).unwrap_or(target)));
        }
        Ok(())
    }

    /// The bytes of the file at `path`, named rather than found by `walk`
    /// (`playbook.yaml`, a file `serve` saw change): its whole real path
    /// must be inside the folder, whatever links lead there.
    pub fn read(&self, path: &Path) -> Result<Vec<u8>, Refusal> {
        let real = path.canonicalize().map_err(Refusal::Io)?;
        if !real.starts_with(&self.real) {
            return Err(Refusal::Outside(std::fs::read_link(path).unwrap_or(real)));
        }
        read_regular(&real)
    }

    /// The regular files under the folder, at most `max_depth` folders
    /// down (1: only its own files), whose path `wanted` accepts, sorted by
    /// name. Hidden and editors' files are left out; links that may not be
    /// followed and special files are skipped with a warning each.
    pub fn walk(
        &self,
        max_depth: usize,
        wanted: &dyn Fn(&Path) -> bool,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Vec<DirEntry> {
        let mut refused = Vec::new();
        // follow_links lets a playbook share a folder by a link inside it;
        // walkdir still detects loops that `follow` does not see.
        let walker = WalkDir::new(&self.path)
            .follow_links(true)
            .max_depth(max_depth)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                if e.depth() > 0 && is_ignored(&e.file_name().to_string_lossy()) {
                    return false;
                }
                if !e.path_is_symlink() {
                    return true;
                }
                let followed = self.follow(e.path());
                if let Err(refusal) = followed {
                    refused.push(self.refused(e.path(), refusal));
                    return false;
                }
                true
            });
        let mut files = Vec::new();
        for entry in walker {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    diagnostics.push(self.walk_error(&err));
                    continue;
                }
            };
            let kind = entry.file_type();
            if kind.is_dir() || !wanted(entry.path()) {
                continue;
            }
            if kind.is_file() {
                files.push(entry);
            } else {
                diagnostics.push(self.refused(entry.path(), Refusal::NotRegular));
            }
        }
        diagnostics.extend(refused);
        files
    }

    /// The warning (or, for a file that cannot be read, the error) for a
    /// refused file or link.
    pub fn refused(&self, path: &Path, refusal: Refusal) -> Diagnostic {
        let span = Span::file(relative(&self.root, path));
        match refusal {
            Refusal::Outside(target) => Diagnostic::warning(
                Code::OutsideSite,
                span,
                format!(
                    "this link leads to `{}`, outside {}, so it is skipped",
                    crate::urls::quote(&target.to_string_lossy()),
                    self.label
                ),
            )
            .with_hint(format!(
                "mentorbook reads a file only from the folder it is in: copy the file into {} instead of linking to it",
                self.label
            )),
            Refusal::Loop => Diagnostic::warning(
                Code::Unreadable,
                span,
                "symbolic link loop: this folder links back to one of its parents",
            )
            .with_hint("remove the link"),
            Refusal::NotRegular => Diagnostic::warning(
                Code::Unreadable,
                span,
                "this is not a regular file (a device, FIFO or socket), so it is skipped",
            )
            .with_hint("replace it with a regular file"),
            Refusal::Io(err) => Diagnostic::error(
                Code::Unreadable,
                span,
                format!("cannot read the file: {err}"),
            ),
        }
    }

    fn walk_error(&self, err: &walkdir::Error) -> Diagnostic {
        let at = err.path().unwrap_or(&self.path);
        if err.loop_ancestor().is_some() {
            return self.refused(at, Refusal::Loop);
        }
        let why = err
            .io_error()
            .map_or_else(|| err.to_string(), |e| e.to_string());
        Diagnostic::warning(
            Code::Unreadable,
            Span::file(relative(&self.root, at)),
            format!("cannot read: {why}"),
        )
        .with_hint("remove the link, or make the file readable")
    }
}

/// A file's bytes, if it is a regular file: a FIFO would block the read
/// forever, a device return anything. A file found by the walk is opened
/// without waiting (`O_NONBLOCK`: opening a FIFO waits for a writer) and
/// its type is that of the file opened, so it cannot be swapped between a
/// look and the read; that costs no look by path, a tenth of the system
/// calls of loading 10,000 pages. A file that does not open (a socket, a
/// device without a driver) is refused as not regular when it is not.
pub fn read_regular(path: &Path) -> Result<Vec<u8>, Refusal> {
    use std::io::Read;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    #[cfg(not(unix))]
    if !std::fs::metadata(path).map_err(Refusal::Io)?.is_file() {
        return Err(Refusal::NotRegular);
    }
    let mut file = match options.open(path) {
        Ok(file) => file,
        Err(_) if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) => {
            return Err(Refusal::NotRegular);
        }
        Err(err) => return Err(Refusal::Io(err)),
    };
    let meta = file.metadata().map_err(Refusal::Io)?;
    if !meta.is_file() {
        return Err(Refusal::NotRegular);
    }
    // Fallible, as `std::fs::read` is: a file too large for memory is a
    // diagnostic, not an abort.
    let mut bytes = Vec::new();
    bytes
        .try_reserve_exact(usize::try_from(meta.len()).unwrap_or(usize::MAX))
        .map_err(|_| Refusal::Io(std::io::ErrorKind::OutOfMemory.into()))?;
    Unsized(&mut file)
        .read_to_end(&mut bytes)
        .map_err(Refusal::Io)?;
    Ok(bytes)
}

/// A file read to its end into a buffer already of its size: `File`'s own
/// `read_to_end` would ask the system for the size and position again.
struct Unsized<'a>(&'a mut std::fs::File);

impl std::io::Read for Unsized<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.0.read(buf)
    }
}

/// Hidden files and editors' temporary files (`.#x`, `#x#`, `x~`, `.x.swp`).
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
}

/// `path` relative to `root`, with `/` separators.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn a_link_is_followed_only_within_its_folder() {
        let tmp = tempfile::tempdir().expect("tmp");
        let root = tmp.path().join("site");
        std::fs::create_dir_all(root.join("content/b")).expect("mkdir");
        std::fs::create_dir_all(root.join("data")).expect("mkdir");
        std::fs::write(root.join("data/people.csv"), "id,name\n").expect("write");
        std::fs::write(tmp.path().join("outside.md"), "x").expect("write");
        let content = Folder::of(&root, "content");
        let link = |target: &Path, name: &str| {
            let at = root.join("content").join(name);
            symlink(target, &at).expect("link");
            at
        };
        let inside = link(Path::new("b"), "shared");
        assert!(content.follow(&inside).is_ok());
        let to_data = link(Path::new("../data/people.csv"), "people.md");
        assert!(matches!(content.follow(&to_data), Err(Refusal::Outside(_))));
        let out = link(&tmp.path().join("outside.md"), "out.md");
        assert!(matches!(content.read(&out), Err(Refusal::Outside(_))));
        let up = link(Path::new(".."), "up");
        assert!(matches!(content.follow(&up), Err(Refusal::Loop)));
        let site = Folder::of(&root, "");
        assert!(site.read(&root.join("data/people.csv")).is_ok());
    }
}
