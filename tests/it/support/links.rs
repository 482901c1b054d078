//! The link check of a built site: every link, script, stylesheet and image
//! of every page points at a file that exists, and every `#anchor` at an
//! element with that id.

use super::{Built, Doc, files_under, read};
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

impl Built {
    pub fn assert_internal_links_resolve(&self) {
        let pages: Vec<PathBuf> = files_under(self.out())
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "html"))
            .collect();
        let docs: Vec<(&PathBuf, Doc)> = pages.iter().map(|p| (p, Doc::parse(&read(p)))).collect();
        let ids: HashMap<&PathBuf, Vec<String>> = docs
            .iter()
            .map(|(page, doc)| (*page, doc.attrs("[id]", "id")))
            .collect();
        let mut problems = Vec::new();
        for (page, doc) in &docs {
            if page.ends_with("404.html") {
                continue; // links from the root of the server, checked separately
            }
            for element in doc.all("a[href], link[href], script[src], img[src]") {
                let value = element.value();
                let Some(link) = value.attr("href").or_else(|| value.attr("src")) else {
                    continue;
                };
                if let Some(problem) = broken(page, link, &ids) {
                    problems.push(format!("{}: {link} -> {problem}", page.display()));
                }
            }
        }
        assert!(
            problems.is_empty(),
            "broken links:\n{}",
            problems.join("\n")
        );
    }
}

/// What is wrong with `link` on `page`, if it is internal and broken.
fn broken(page: &Path, link: &str, ids: &HashMap<&PathBuf, Vec<String>>) -> Option<String> {
    let has_scheme = link.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    if has_scheme || link.starts_with("//") {
        return None;
    }
    let (path, anchor) = link.split_once('#').unwrap_or((link, ""));
    // A browser decodes both before it looks for the file and the id
    // (`#zasady-wsp%C3%B3%C5%82pracy` is the heading `zasady-współpracy`).
    let (path, anchor) = (percent_decoded(path), percent_decoded(anchor));
    let (path, anchor) = (path.as_str(), anchor.as_str());
    let mut target = if path.is_empty() {
        page.to_path_buf()
    } else {
        page.parent().expect("parent").join(path)
    };
    if path.ends_with('/') || target.is_dir() {
        target = target.join("index.html");
    }
    let target = normalize(&target);
    if !target.is_file() {
        return Some(format!("missing {}", target.display()));
    }
    let has_anchor = ids
        .get(&target)
        .is_some_and(|ids| ids.iter().any(|id| id == anchor));
    (!anchor.is_empty() && !has_anchor).then(|| format!("no #{anchor}"))
}

/// `text` with its `%XX` escapes decoded as UTF-8 bytes.
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `path` with its `.` and `..` steps taken, as a browser resolves a link.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}
