//! Stage 1: find the site's files and read them into memory, front matter
//! split from the body. Nothing here knows what the fields mean.

use super::boundary::{self, Folder};
pub use super::boundary::{is_ignored, relative};
use crate::diagnostic::{Code, Diagnostic, Span};
use crate::yaml::{self, Node};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// A file as loaded: BOM removed and line endings normalised to `\n`, so
/// lines and columns match what an editor shows.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Relative to the site folder, with `/` separators (`content/faq.md`).
    pub path: String,
    pub text: std::sync::Arc<str>,
}

#[derive(Debug, Default, Clone)]
pub struct Sources {
    pub root: PathBuf,
    pub config: Option<SourceFile>,
    /// Markdown files under `content/`, sorted by path.
    pub content: Vec<SourceFile>,
    /// YAML files under `data/`, sorted by path.
    pub data: Vec<SourceFile>,
    /// Markdown files under `snippets/` (`super::include`), sorted by path.
    pub snippets: Vec<SourceFile>,
    /// The site's message overrides, `i18n/<locale>.ftl` (`crate::i18n`).
    pub catalogues: Vec<SourceFile>,
    /// What the build publishes under `static/`, by path below it (names
    /// only, for `check`'s links; the build reads the files).
    pub assets: Vec<String>,
}

impl Sources {
    /// Content files from `(path, text)` pairs and nothing else: the
    /// sources unit tests read without touching disk.
    #[cfg(test)]
    pub fn of_content(files: &[(&str, &str)]) -> Sources {
        Sources {
            content: files
                .iter()
                .map(|(path, text)| SourceFile {
                    path: path.to_string(),
                    text: text.to_string().into(),
                })
                .collect(),
            ..Sources::default()
        }
    }

    pub fn text_of(&self, path: &str) -> Option<&str> {
        self.config
            .iter()
            .chain(&self.content)
            .chain(&self.data)
            .chain(&self.snippets)
            .chain(&self.catalogues)
            .find(|f| f.path == path)
            .map(|f| &*f.text)
    }
}

pub const CONFIG_FILE: &str = "playbook.yaml";
/// The folder of Markdown that pages include (`super::include`).
pub const SNIPPETS: &str = "snippets";
/// The folder of a site's message overrides (`crate::i18n`).
pub const CATALOGUES: &str = "i18n";

/// Reads a site. Problems with single files become diagnostics; only a site
/// folder that cannot be read at all is an `Err`.
pub fn load(root: &Path) -> Result<(Sources, Vec<Diagnostic>), String> {
    load_with(root, None)
}

/// Files as last read, with their size and modification time, so that
/// `serve` reads again only the files that changed since (reading every
/// file of a 10,000-page site on each edit takes longer than the rest of
/// the rebuild).
#[derive(Default)]
pub struct LoadCache {
    files: std::collections::HashMap<PathBuf, (u64, std::time::SystemTime, SourceFile)>,
}

/// `load`, reusing the cache's text of files whose size and modification
/// time are unchanged.
pub fn load_with(
    root: &Path,
    mut cache: Option<&mut LoadCache>,
) -> Result<(Sources, Vec<Diagnostic>), String> {
    if !root.is_dir() {
        return Err(format!("{} is not a folder", root.display()));
    }
    let mut diagnostics = Vec::new();
    let mut sources = Sources {
        root: root.to_path_buf(),
        ..Sources::default()
    };
    let config_path = root.join(CONFIG_FILE);
    // Even a link that leads nowhere readable is read, to be reported.
    if config_path.symlink_metadata().is_ok() {
        sources.config = read(root, &config_path, &mut diagnostics);
    }
    let content_dir = root.join("content");
    if !content_dir.is_dir() {
        return Err(format!(
            "{} has no content/ folder; run `mentorbook init {}` to start a playbook",
            root.display(),
            root.display()
        ));
    }
    let mut seen = std::collections::HashSet::new();
    sources.content = walk(
        root,
        "content",
        &["md", "markdown"],
        &mut diagnostics,
        cache.as_deref_mut(),
        &mut seen,
    );
    let data_dir = root.join("data");
    if data_dir.is_dir() {
        sources.data = walk(
            root,
            "data",
            &["yaml", "yml", "csv"],
            &mut diagnostics,
            cache.as_deref_mut(),
            &mut seen,
        );
    }
    if root.join(SNIPPETS).is_dir() {
        sources.snippets = walk(
            root,
            SNIPPETS,
            &["md", "markdown"],
            &mut diagnostics,
            cache.as_deref_mut(),
            &mut seen,
        );
    }
    if root.join(CATALOGUES).is_dir() {
        sources.catalogues = walk(
            root,
            CATALOGUES,
            &["ftl"],
            &mut diagnostics,
            cache.as_deref_mut(),
            &mut seen,
        );
    }
    sources.assets = super::theme::asset_names(root);
    if let Some(cache) = cache {
        cache.files.retain(|path, _| seen.contains(path));
    }
    Ok((sources, diagnostics))
}

fn walk(
    root: &Path,
    folder: &str,
    extensions: &[&str],
    diagnostics: &mut Vec<Diagnostic>,
    cache: Option<&mut LoadCache>,
    seen: &mut std::collections::HashSet<PathBuf>,
) -> Vec<SourceFile> {
    let wanted = |path: &Path| {
        path.extension()
            .is_some_and(|ext| extensions.iter().any(|e| ext.eq_ignore_ascii_case(e)))
    };
    let entries = Folder::of(root, folder).walk(usize::MAX, &wanted, diagnostics);
    let mut files = Vec::new();
    let Some(cache) = cache else {
        // Mostly system calls, which run side by side; problems stay in walk order.
        let reads: Vec<(Option<SourceFile>, Vec<Diagnostic>)> = entries
            .par_iter()
            .map(|entry| {
                let mut problems = Vec::new();
                (read_walked(root, entry.path(), &mut problems), problems)
            })
            .collect();
        for (file, problems) in reads {
            files.extend(file);
            diagnostics.extend(problems);
        }
        files.sort_by(|a, b| a.path.cmp(&b.path));
        return files;
    };
    for entry in entries {
        let stamp = entry
            .metadata()
            .ok()
            .and_then(|m| Some((m.len(), m.modified().ok()?)));
        let path = entry.path().to_path_buf();
        seen.insert(path.clone());
        match (stamp, cache.files.get(&path)) {
            (Some(stamp), Some((len, modified, file))) if stamp == (*len, *modified) => {
                files.push(file.clone());
            }
            _ => {
                if let Some(file) = read_walked(root, entry.path(), diagnostics) {
                    if let Some((len, modified)) = stamp {
                        cache.files.insert(path, (len, modified, file.clone()));
                    }
                    files.push(file);
                }
            }
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// Reads the site file at `path` (a content or data file, or
/// `playbook.yaml`) named directly, as `serve` does after an edit: the
/// boundary's rule is checked on its whole real path first.
pub(crate) fn read(
    root: &Path,
    path: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<SourceFile> {
    let rel = relative(root, path);
    let folder = match rel.split('/').next() {
        Some(name @ ("content" | "data" | "snippets")) if rel.contains('/') => name,
        _ => "",
    };
    let folder = Folder::of(root, folder);
    match folder.read(path) {
        Ok(bytes) => decoded(rel, bytes, diagnostics),
        Err(refusal) => {
            diagnostics.push(folder.refused(path, refusal));
            None
        }
    }
}

/// Reads a file `Folder::walk` found (so already within its folder).
fn read_walked(root: &Path, path: &Path, diagnostics: &mut Vec<Diagnostic>) -> Option<SourceFile> {
    match boundary::read_regular(path) {
        Ok(bytes) => decoded(relative(root, path), bytes, diagnostics),
        Err(refusal) => {
            diagnostics.push(Folder::of(root, "").refused(path, refusal));
            None
        }
    }
}

/// A file's bytes as a `SourceFile`, or an `encoding` error.
fn decoded(rel: String, bytes: Vec<u8>, diagnostics: &mut Vec<Diagnostic>) -> Option<SourceFile> {
    match decode(bytes) {
        Ok(text) => Some(SourceFile {
            path: rel,
            text: text.into(),
        }),
        Err((line, col)) => {
            diagnostics.push(
                Diagnostic::error(
                    Code::Encoding,
                    Span::new(rel, line, col),
                    "the file is not valid UTF-8",
                )
                .with_hint("save the file as UTF-8 in your editor"),
            );
            None
        }
    }
}

/// UTF-8 with or without a BOM, any line endings (CRLF and lone CR become
/// LF); on failure the line and column of the first bad byte.
pub fn decode(bytes: Vec<u8>) -> Result<String, (usize, usize)> {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let good = &err.as_bytes()[..err.utf8_error().valid_up_to()];
            let good = String::from_utf8_lossy(good);
            let line = good.matches('\n').count() + 1;
            let col = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            return Err((line, col));
        }
    };
    // Most files have neither a mark nor CRs: kept as read, not copied.
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    })
}

/// A Markdown file cut in two: the YAML between the opening and closing
/// `---` lines, and the body after it.
#[derive(Debug)]
pub struct Document<'a> {
    pub front_matter: Option<Node>,
    pub body: &'a str,
    /// The file line on which `body` starts.
    pub body_line: usize,
}

/// Where a file's front matter lies, found from its `---` fences alone.
enum Fences<'a> {
    /// No front matter: the whole text is the body.
    None,
    /// The YAML between the fences, the body after them and the file line
    /// the body starts on.
    Closed {
        yaml: &'a str,
        body: &'a str,
        body_line: usize,
    },
    /// An opening fence without a closing one; the body would start on
    /// this line.
    Unclosed { body_line: usize },
}

fn fences(text: &str) -> Fences<'_> {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| (text.trim_end() == "---").then_some(""))
    else {
        return Fences::None;
    };
    let mut offset = 0;
    let mut line = 2;
    for l in rest.split_inclusive('\n') {
        let trimmed = l.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return Fences::Closed {
                yaml: &rest[..offset],
                body: &rest[offset + l.len()..],
                body_line: line + 1,
            };
        }
        offset += l.len();
        line += 1;
    }
    Fences::Unclosed { body_line: line }
}

/// The text before the body: the front matter with its fences (empty
/// without front matter). Two texts with the same front matter have the
/// same fields, whatever their bodies.
pub fn front_matter_text(text: &str) -> &str {
    match fences(text) {
        Fences::None => "",
        Fences::Closed { body, .. } => &text[..text.len() - body.len()],
        Fences::Unclosed { .. } => text,
    }
}

/// Splits and parses front matter. A YAML error is returned as a
/// diagnostic while the body is still usable for the remaining checks.
pub fn split(file: &SourceFile) -> (Document<'_>, Option<Diagnostic>) {
    match fences(&file.text) {
        Fences::None => (
            Document {
                front_matter: None,
                body: &file.text,
                body_line: 1,
            },
            None,
        ),
        Fences::Closed {
            yaml,
            body,
            body_line,
        } => {
            let document = |front_matter| Document {
                front_matter,
                body,
                body_line,
            };
            match yaml::parse(yaml, 2) {
                Ok(node) => (document(Some(node)), None),
                Err(err) => (
                    document(None),
                    Some(err.diagnostic(&file.path, "front matter")),
                ),
            }
        }
        Fences::Unclosed { body_line } => (
            Document {
                front_matter: None,
                body: "",
                body_line,
            },
            Some(
                Diagnostic::error(
                    Code::YamlSyntax,
                    Span::new(&file.path, 1, 1),
                    "front matter is not closed",
                )
                .with_hint("end the front matter with a line holding only `---`"),
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile {
            path: "content/a.md".into(),
            text: decode(text.as_bytes().to_vec()).expect("utf8").into(),
        }
    }

    #[test]
    fn front_matter_text_is_what_comes_before_the_body() {
        assert_eq!(
            front_matter_text("---\ntitle: A\n---\nBody\n"),
            "---\ntitle: A\n---\n"
        );
        assert_eq!(front_matter_text("Just a body\n"), "");
        assert_eq!(front_matter_text("---\ntitle: A\n"), "---\ntitle: A\n");
    }

    #[test]
    fn splits_front_matter_and_body() {
        let f = file("---\ntitle: Hi\n---\n# Body\n");
        let (doc, err) = split(&f);
        assert!(err.is_none());
        assert_eq!(doc.body, "# Body\n");
        assert_eq!(doc.body_line, 4);
        assert!(doc.front_matter.is_some());
    }

    #[test]
    fn accepts_bom_and_crlf() {
        let f = file("\u{feff}---\r\ntitle: Hi\r\n---\r\nText\r\n");
        let (doc, err) = split(&f);
        assert!(err.is_none(), "{err:?}");
        assert_eq!(doc.body, "Text\n");
    }

    #[test]
    fn unclosed_front_matter_is_reported() {
        let (_, err) = split(&file("---\ntitle: Hi\n"));
        assert_eq!(
            err.map(|d| d.message),
            Some("front matter is not closed".into())
        );
    }

    #[test]
    fn yaml_errors_point_into_the_md_file() {
        let (_, err) = split(&file("---\ntitle: Hi\nbad: [x\n---\n"));
        let err = err.expect("error");
        assert_eq!(err.code, "yaml-syntax");
        assert!(err.span.line >= 3, "{err:?}");
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        assert_eq!(decode(b"ok\nab\xff".to_vec()), Err((2, 3)));
    }

    #[test]
    fn editor_files_are_ignored() {
        for name in [".hidden.md", "a.md~", "#a.md#", ".a.md.swp"] {
            assert!(is_ignored(name), "{name}");
        }
        assert!(!is_ignored("faq.md"));
    }
}
