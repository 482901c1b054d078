//! The theme's files as read: the default theme, compiled into the binary
//! so an installed `mentorbook` works in any folder, overridden by name by
//! the site's own `templates/` and `static/` files. Parsing them is
//! render's job (`render::theme`).

use crate::diagnostic::{Code, Diagnostic, Span};
use std::path::Path;

macro_rules! theme_files {
    ($dir:literal: $($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../themes/default/", $dir, "/", $name)))),*]
    };
}

const TEMPLATES: &[(&str, &str)] = theme_files!("templates":
    "base.html", "macros.html", "page.html", "goals.html", "guide.html", "step.html",
    "session.html", "roster.html", "pair.html", "progress.html", "people.html",
    "section.html", "404.html",
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

/// Reads the site's `templates/` and `static/` over the default theme.
pub fn read(site_root: &Path) -> Result<ThemeFiles, Vec<Diagnostic>> {
    let templates = template_sources(site_root)?;
    let mut diagnostics = Vec::new();
    let assets = static_files(site_root, &mut diagnostics);
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    Ok(ThemeFiles { templates, assets })
}

/// (name, text, path shown in errors) of every template.
fn template_sources(site_root: &Path) -> Result<Vec<TemplateSource>, Vec<Diagnostic>> {
    let mut sources: Vec<TemplateSource> = TEMPLATES
        .iter()
        .map(|(name, text)| TemplateSource {
            name: name.to_string(),
            text: text.to_string(),
            path: format!("themes/default/templates/{name}"),
        })
        .collect();
    let mut diagnostics = Vec::new();
    for (name, path, text) in site_files(site_root, "templates", &mut diagnostics) {
        if !name.ends_with(".html") {
            continue;
        }
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
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    Ok(sources)
}

/// The theme's assets, then the site's `static/` files (which win by name).
fn static_files(site_root: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = STATIC
        .iter()
        .map(|(n, t)| (n.to_string(), t.as_bytes().to_vec()))
        .collect();
    let dir = site_root.join("static");
    // A link may point anywhere on the machine: publish only what stays
    // inside the site folder.
    let inside = site_root.canonicalize().ok();
    if dir.is_dir() {
        for entry in walkdir::WalkDir::new(&dir)
            .follow_links(true)
            .sort_by_file_name()
        {
            let Ok(entry) = entry else { continue };
            if !entry.file_type().is_file()
                || crate::source::load::is_ignored(&entry.file_name().to_string_lossy())
            {
                continue;
            }
            let rel = crate::source::load::relative(&dir, entry.path());
            let real = entry.path().canonicalize().ok();
            if !matches!((&real, &inside), (Some(real), Some(inside)) if real.starts_with(inside)) {
                diagnostics.push(
                    Diagnostic::error(
                        Code::OutsideSite,
                        Span::file(format!("static/{rel}")),
                        "this link points outside the site folder, so it is not published",
                    )
                    .with_hint("copy the file into static/ instead of linking to it"),
                );
                continue;
            }
            match std::fs::read(entry.path()) {
                // Only the theme's own few assets can share a name with a
                // site file; a site with many files must not scan them all.
                Ok(bytes) => match files[..STATIC.len()].iter_mut().find(|(n, _)| *n == rel) {
                    Some(existing) => existing.1 = bytes,
                    None => files.push((rel, bytes)),
                },
                Err(err) => diagnostics.push(Diagnostic::error(
                    Code::Unreadable,
                    Span::file(format!("static/{rel}")),
                    format!("cannot read: {err}"),
                )),
            }
        }
    }
    files
}

fn site_files(
    site_root: &Path,
    folder: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<(String, String, String)> {
    let dir = site_root.join(folder);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if crate::source::load::is_ignored(&name) || !entry.path().is_file() {
            continue;
        }
        let path = format!("{folder}/{name}");
        match std::fs::read_to_string(entry.path()) {
            Ok(text) => files.push((name, path, text)),
            Err(err) => diagnostics.push(Diagnostic::error(
                Code::Unreadable,
                Span::file(&path),
                format!("cannot read: {err}"),
            )),
        }
    }
    files.sort();
    files
}
