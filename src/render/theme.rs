//! The default theme is compiled into the binary, so an installed
//! `mentorbook` works in any folder; a site's own `templates/` and
//! `static/` files replace the theme's files of the same name.

use crate::diagnostic::{Diagnostic, Span};
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::sync::Arc;
use tera::Tera;

macro_rules! theme_files {
    ($dir:literal: $($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../themes/default/", $dir, "/", $name)))),*]
    };
}

pub const TEMPLATES: &[(&str, &str)] = theme_files!("templates":
    "base.html", "macros.html", "page.html", "goals.html", "guide.html", "step.html",
    "session.html", "roster.html", "pair.html", "progress.html", "people.html",
    "section.html", "404.html",
);

pub const STATIC: &[(&str, &str)] = theme_files!("static":
    "style.css", "sort.js", "search.js", "site.js",
);

/// The templates and assets a site is rendered with: the default theme's,
/// overridden by the site's own `templates/` and `static/` files.
#[derive(Debug, Clone)]
pub struct Theme {
    pub tera: Arc<Tera>,
    pub assets: Vec<(String, Vec<u8>)>,
    /// A hash of every template and asset, to tell whether a rebuild may
    /// reuse parsed templates and keep the assets it already serves.
    pub fingerprint: u64,
    templates_only: u64,
}

/// Reads the templates and assets; parses the templates unless they are
/// those of `previous` (parsing is the costly part of a small rebuild).
pub fn load(site_root: &Path, previous: Option<&Theme>) -> Result<Theme, Vec<Diagnostic>> {
    let sources = template_sources(site_root)?;
    let mut diagnostics = Vec::new();
    let assets = static_files(site_root, &mut diagnostics);
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    sources.hash(&mut hasher);
    let templates_only = hasher.finish();
    assets.hash(&mut hasher);
    let fingerprint = hasher.finish();
    let tera = match previous {
        Some(theme) if theme.templates_only == templates_only => Arc::clone(&theme.tera),
        _ => Arc::new(parse(&sources)?),
    };
    Ok(Theme {
        tera,
        assets,
        fingerprint,
        templates_only,
    })
}

/// (name, text, path shown in errors) of every template.
fn template_sources(site_root: &Path) -> Result<Vec<(String, String, String)>, Vec<Diagnostic>> {
    let mut sources: Vec<(String, String, String)> = TEMPLATES
        .iter()
        .map(|(name, text)| {
            (
                name.to_string(),
                text.to_string(),
                format!("themes/default/templates/{name}"),
            )
        })
        .collect();
    let mut diagnostics = Vec::new();
    for (name, path, text) in site_files(site_root, "templates", &mut diagnostics) {
        if !name.ends_with(".html") {
            continue;
        }
        match sources.iter_mut().find(|(n, ..)| *n == name) {
            Some(entry) => *entry = (name, text, path),
            None => sources.push((name, text, path)),
        }
    }
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    Ok(sources)
}

fn parse(sources: &[(String, String, String)]) -> Result<Tera, Vec<Diagnostic>> {
    let mut diagnostics = Vec::new();
    let mut tera = Tera::default();
    let all: Vec<(&str, &str)> = sources
        .iter()
        .map(|(n, t, _)| (n.as_str(), t.as_str()))
        .collect();
    if let Err(err) = tera.add_raw_templates(all) {
        // Parsing is the costly part of a small build, so templates are
        // parsed once; only on failure, again one by one to name the file.
        for (name, text, path) in sources {
            if let Err(err) = tera::Template::new(name, None, text) {
                diagnostics.push(template_error(path, &err));
            }
        }
        if diagnostics.is_empty() {
            diagnostics.push(template_error("templates", &err));
        }
        return Err(diagnostics);
    }
    tera.autoescape_on(vec![".html"]);
    Ok(tera)
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
                || crate::load::is_ignored(&entry.file_name().to_string_lossy())
            {
                continue;
            }
            let rel = crate::load::relative(&dir, entry.path());
            let real = entry.path().canonicalize().ok();
            if !matches!((&real, &inside), (Some(real), Some(inside)) if real.starts_with(inside)) {
                diagnostics.push(
                    Diagnostic::error(
                        "outside-site",
                        Span::file(format!("static/{rel}")),
                        "this link points outside the site folder, so it is not published",
                    )
                    .with_hint("copy the file into static/ instead of linking to it"),
                );
                continue;
            }
            match std::fs::read(entry.path()) {
                Ok(bytes) => match files.iter_mut().find(|(n, _)| *n == rel) {
                    Some(existing) => existing.1 = bytes,
                    None => files.push((rel, bytes)),
                },
                Err(err) => diagnostics.push(Diagnostic::error(
                    "unreadable",
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
        if crate::load::is_ignored(&name) || !entry.path().is_file() {
            continue;
        }
        let path = format!("{folder}/{name}");
        match std::fs::read_to_string(entry.path()) {
            Ok(text) => files.push((name, path, text)),
            Err(err) => diagnostics.push(Diagnostic::error(
                "unreadable",
                Span::file(&path),
                format!("cannot read: {err}"),
            )),
        }
    }
    files.sort();
    files
}

fn template_error(path: &str, err: &tera::Error) -> Diagnostic {
    use std::error::Error as _;
    let mut message = err.to_string();
    let mut source = err.source();
    while let Some(inner) = source {
        message.push_str(": ");
        message.push_str(&inner.to_string());
        source = inner.source();
    }
    // Tera's parse errors carry ` --> line:col`; point there.
    let (line, col) = message
        .split("--> ")
        .nth(1)
        .and_then(|rest| {
            let mut parts = rest
                .split(|c: char| !c.is_ascii_digit())
                .filter(|s| !s.is_empty());
            Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
        })
        .unwrap_or((1, 1));
    let first_line = message.lines().next().unwrap_or("").to_string();
    let details: Vec<&str> = message
        .lines()
        .skip(1)
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let diagnostic = Diagnostic::error(
        "template",
        Span::new(path, line, col),
        format!("template error: {}", first_line.trim()),
    );
    if details.is_empty() {
        diagnostic
    } else {
        diagnostic.with_hint(details.join(" "))
    }
}
