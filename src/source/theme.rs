//! The theme's files as read: the default theme, compiled into the binary
//! so an installed `mentorbook` works in any folder, overridden by name by
//! the site's own `templates/` and `static/` files. Parsing them is
//! render's job (`render::theme`).

use crate::diagnostic::{Code, Diagnostic, Severity, Span};
use crate::source::boundary::{Folder, read_regular, relative};
use std::path::Path;

macro_rules! theme_files {
    ($dir:literal: $($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../themes/default/", $dir, "/", $name)))),*]
    };
}

const TEMPLATES: &[(&str, &str)] = theme_files!("templates":
    "base.html", "macros.html", "page.html", "goals.html", "guide.html", "step.html",
    "session.html", "roster.html", "pair.html", "progress.html", "people.html",
    "person.html", "section.html", "print.html", "404.html", "surveys.html",
    "attention.html", "people-initial.html", "frame-header.html", "frame-footer.html",
    "frame-breadcrumbs.html",
);

const STATIC: &[(&str, &str)] = theme_files!("static":
    "style.css", "sort.js", "search.js", "site.js",
);

/// A template: its name, its text, and the path errors name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TemplateSource {
    pub name: String,
    pub text: String,
    pub path: String,
}

/// Every template and asset a site is rendered with.
#[derive(Debug, Clone)]
pub struct ThemeFiles {
    pub templates: Vec<TemplateSource>,
    pub assets: Vec<(String, Vec<u8>)>,
}

/// Reads the site's `templates/` and `static/` over the default theme,
/// with the warnings about files skipped (links out of their folder,
/// special files); `Err` holds the errors, warnings among them.
pub fn read(site_root: &Path) -> Result<(ThemeFiles, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut diagnostics = Vec::new();
    let templates = template_sources(site_root, &mut diagnostics);
    let assets = static_files(site_root, &mut diagnostics);
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        return Err(diagnostics);
    }
    Ok((ThemeFiles { templates, assets }, diagnostics))
}

/// (name, text, path shown in errors) of every template.
fn template_sources(site_root: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<TemplateSource> {
    let mut sources: Vec<TemplateSource> = TEMPLATES
        .iter()
        .map(|(name, text)| TemplateSource {
            name: name.to_string(),
            text: text.to_string(),
            path: format!("themes/default/templates/{name}"),
        })
        .collect();
    // Only the folder's own files: templates name each other by file name.
    for (name, path, bytes) in site_files(site_root, "templates", 1, diagnostics) {
        if !name.ends_with(".html") {
            continue;
        }
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(_) => {
                diagnostics.push(
                    Diagnostic::error(
                        Code::Encoding,
                        Span::file(&path),
                        "the file is not valid UTF-8",
                    )
                    .with_hint("save the file as UTF-8 in your editor"),
                );
                continue;
            }
        };
        let source = TemplateSource { name, text, path };
        // A site's own names are unique: only the theme's can be taken over.
        match sources[..TEMPLATES.len()]
            .iter_mut()
            .find(|s| s.name == source.name)
        {
            Some(entry) => *entry = source,
            None => sources.push(source),
        }
    }
    sources
}

/// The theme's assets, then the site's `static/` files (which win by name).
fn static_files(site_root: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = STATIC
        .iter()
        .map(|(n, t)| (n.to_string(), t.as_bytes().to_vec()))
        .collect();
    for (rel, _, bytes) in site_files(site_root, "static", usize::MAX, diagnostics) {
        // Only the theme's own few assets can share a name with a site
        // file; a site with many files must not scan them all.
        match files[..STATIC.len()].iter_mut().find(|(n, _)| *n == rel) {
            Some(existing) => existing.1 = bytes,
            None => files.push((rel, bytes)),
        }
    }
    files
}

/// The path below `static/` of every file the build publishes there: the
/// theme's assets and the site's `static/` files, as `static_files` admits
/// them (names only: nothing is read). Warnings about skipped files are
/// left to the build, which reads them.
pub fn asset_names(site_root: &Path) -> Vec<String> {
    let mut names: Vec<String> = STATIC.iter().map(|(name, _)| name.to_string()).collect();
    let dir = site_root.join("static");
    if dir.is_dir() {
        let within = Folder::of(site_root, "static");
        let walked = within.walk(usize::MAX, &|_| true, &mut Vec::new());
        names.extend(walked.iter().map(|entry| relative(&dir, entry.path())));
    }
    names.sort();
    names.dedup();
    names
}

/// (path in the folder, path shown in errors, bytes) of the site's files
/// in `folder`, `max_depth` folders down, as `boundary` admits them: a
/// link whose real path leaves the folder (to `data/people.csv`, out of
/// the site) is skipped with a warning, never published.
fn site_files(
    site_root: &Path,
    folder: &str,
    max_depth: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<(String, String, Vec<u8>)> {
    let dir = site_root.join(folder);
    if !dir.is_dir() {
        return Vec::new();
    }
    let within = Folder::of(site_root, folder);
    let mut files = Vec::new();
    for entry in within.walk(max_depth, &|_| true, diagnostics) {
        let rel = relative(&dir, entry.path());
        let path = format!("{folder}/{rel}");
        match read_regular(entry.path()) {
            Ok(bytes) => files.push((rel, path, bytes)),
            Err(refusal) => diagnostics.push(within.refused(entry.path(), refusal)),
        }
    }
    files
}
