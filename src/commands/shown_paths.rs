//! The paths diagnostics are printed with. The library keys every span by
//! its path in the site folder (`content/x.md`); a person or a CI system
//! reads them from the folder the command runs in (or `--root`), so when
//! the playbook is a subfolder of a repository, `content/x.md` is printed
//! as `docs/playbook/content/x.md`: GitHub and GitLab attach annotations
//! by the path from the repository's root, terminals open the path from
//! the current folder. Only what is printed changes.

use crate::diagnostic::{self, Diagnostic, Format};
use crate::source::load::Sources;
use std::path::{Component, Path};

/// What goes before a site-relative path when it is printed: empty when
/// the command runs in the site folder itself, else the site folder from
/// the root, with a trailing `/`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShownPaths {
    prefix: String,
}

impl ShownPaths {
    /// Paths of the site in `site` (as given on the command line) shown
    /// from `root` (`--root`), else from the current folder. A site outside
    /// that folder is shown by the path given, as the user typed it.
    pub fn new(site: &Path, root: Option<&Path>) -> ShownPaths {
        let from = match root {
            Some(root) => root.canonicalize().ok(),
            None => std::env::current_dir()
                .ok()
                .and_then(|d| d.canonicalize().ok()),
        };
        let inside = from.zip(site.canonicalize().ok()).and_then(|(from, site)| {
            site.strip_prefix(&from)
                .ok()
                .map(std::path::Path::to_path_buf)
        });
        ShownPaths::with_prefix(inside.as_deref().unwrap_or(site))
    }

    /// `folder` in `/`-separated form, `.` components dropped.
    fn with_prefix(folder: &Path) -> ShownPaths {
        let mut prefix = String::new();
        for component in folder.components() {
            match component {
                Component::CurDir => {}
                Component::RootDir => prefix.push('/'),
                Component::Prefix(p) => prefix.push_str(&p.as_os_str().to_string_lossy()),
                Component::ParentDir => prefix.push_str("../"),
                Component::Normal(name) => {
                    prefix.push_str(&name.to_string_lossy());
                    prefix.push('/');
                }
            }
        }
        ShownPaths { prefix }
    }

    /// A site-relative path as printed.
    pub fn show(&self, path: &str) -> String {
        format!("{}{path}", self.prefix)
    }

    /// `diagnostic::render` with every span's file as printed; the human
    /// format still quotes the lines from `sources`.
    pub fn render(&self, diagnostics: &[Diagnostic], format: Format, sources: &Sources) -> String {
        if self.prefix.is_empty() {
            return diagnostic::render(diagnostics, format, &|path| sources.text_of(path));
        }
        let shown: Vec<Diagnostic> = diagnostics
            .iter()
            .map(|d| {
                let mut d = d.clone();
                d.span.file = self.show(&d.span.file).into();
                d
            })
            .collect();
        diagnostic::render(&shown, format, &|path| {
            path.strip_prefix(self.prefix.as_str())
                .and_then(|path| sources.text_of(path))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_becomes_a_slash_separated_prefix() {
        let shown = |folder: &str| ShownPaths::with_prefix(Path::new(folder)).show("content/a.md");
        assert_eq!(shown(""), "content/a.md");
        assert_eq!(shown("."), "content/a.md");
        assert_eq!(shown("./docs/playbook/"), "docs/playbook/content/a.md");
        assert_eq!(shown("../site"), "../site/content/a.md");
        assert_eq!(shown("/tmp/base"), "/tmp/base/content/a.md");
    }

    #[test]
    fn a_site_is_shown_from_the_root_it_is_in() {
        let dir = std::env::temp_dir().join(format!("mentorbook-shown-{}", std::process::id()));
        let site = dir.join("repo/docs/playbook");
        std::fs::create_dir_all(&site).expect("mkdir");
        let from_repo = ShownPaths::new(&site, Some(&dir.join("repo")));
        assert_eq!(
            from_repo.show("playbook.yaml"),
            "docs/playbook/playbook.yaml"
        );
        let itself = ShownPaths::new(&site, Some(&site));
        assert_eq!(itself.show("playbook.yaml"), "playbook.yaml");
        // Outside the root: the path as given.
        let outside = ShownPaths::new(&site, Some(&dir.join("repo/docs/playbook/content")));
        assert_eq!(outside.show("x"), format!("{}/x", site.display()));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
