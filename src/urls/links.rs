//! How a link written in Markdown resolves, for `check` (is it broken?)
//! and render (what to write in the page) alike.
//!
//! A link to a `.md` file names a content file, relative to the file it is
//! written in (or to `content/` when it starts with `/`); render points it
//! at that page's address. Any other relative link is a path of the built
//! site, and the browser resolves it from the page's address: from
//! `content/about/faq.md`, published at `about/faq/`, `../../people/` is
//! the people page and `../../static/team.png` a file of `static/`. A link
//! starting with `/` starts at the site's root (render makes it relative,
//! so the site still works under any path and opened from disk).

/// Where a link points.
#[derive(Debug, PartialEq, Eq)]
pub enum LinkTarget<'a> {
    /// Another site, or a scheme (`https:`, `mailto:`, `//host/`): not
    /// checked.
    External,
    /// An anchor on the page itself (`#goals`; empty for `#` or `?x`).
    Anchor(&'a str),
    /// A Markdown file: the content file, relative to the site folder.
    Page {
        file: String,
        anchor: Option<&'a str>,
    },
    /// A path of the built site, relative to its root, without a leading
    /// `/`: a folder (a page's address) ends in `/`, the root is `""`.
    /// `None` when the link climbs above the site's root.
    Output {
        path: Option<String>,
        /// Written from the root (`/people/`).
        rooted: bool,
        anchor: Option<&'a str>,
    },
}

/// Resolves `dest`, a link written in `from_file` (relative to the site
/// folder), whose page is published at `from_url` (`about/faq/`; `""` for
/// the home page).
pub fn classify_link<'a>(from_file: &str, from_url: &str, dest: &'a str) -> LinkTarget<'a> {
    // As a browser reads an address: spaces and control characters around
    // it, and tabs and line breaks in it, do not count (`  java\tscript:`
    // is a script, which render disables, not a path).
    let dest = dest.trim_matches(|c: char| c <= ' ');
    let has_scheme = dest.split_once(':').is_some_and(|(scheme, _)| {
        let mut letters = scheme.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r'));
        letters.clone().next().is_some()
            && letters.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    if has_scheme || dest.starts_with("//") {
        return LinkTarget::External;
    }
    let (path, anchor) = match dest.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (dest, None),
    };
    let path = path.split('?').next().unwrap_or("");
    if path.is_empty() {
        return LinkTarget::Anchor(anchor.unwrap_or(""));
    }
    let rooted = path.starts_with('/');
    let decoded = percent_decode(path);
    if path.ends_with(".md") || path.ends_with(".markdown") {
        let base = if rooted {
            "content"
        } else {
            from_file.rsplit_once('/').map_or("", |(dir, _)| dir)
        };
        return LinkTarget::Page {
            file: join_path(base, &decoded),
            anchor,
        };
    }
    LinkTarget::Output {
        path: resolve_output(if rooted { "" } else { from_url }, &decoded),
        rooted,
        anchor,
    }
}

/// `rel` from the folder `base` of the built site, as a browser resolves
/// it; `None` when it climbs above the root, which works on no host with
/// a path and on no disk.
fn resolve_output(base: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    for part in rel.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    // `.` and `..` name folders, as in any URL.
    let last = rel.rsplit('/').next().unwrap_or("");
    let folder = matches!(last, "" | "." | "..");
    let mut path = parts.join("/");
    if folder && !path.is_empty() {
        path.push('/');
    }
    Some(path)
}

fn join_path(base: &str, rel: &str) -> String {
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    for part in rel.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(byte) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// How to write a link from `from` (a content file) to `to` (another).
pub fn relative_link(from: &str, to: &str) -> String {
    let from_dir: Vec<&str> = from
        .rsplit_once('/')
        .map_or("", |(d, _)| d)
        .split('/')
        .collect();
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dir
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut parts: Vec<&str> = vec![".."; from_dir.len() - common];
    parts.extend(&to_parts[common..]);
    parts.join("/")
}

/// How to write a link from the page at `from_url` (`about/faq/`, `""`
/// for the home page) to `to`, a path of the built site (`people/`,
/// `static/team.png`, `""` for the home page).
pub fn relative_url(from_url: &str, to: &str) -> String {
    let from: Vec<&str> = from_url.split('/').filter(|p| !p.is_empty()).collect();
    let folder = to.is_empty() || to.ends_with('/');
    let to_parts: Vec<&str> = to.split('/').filter(|p| !p.is_empty()).collect();
    // A file's own name is never a folder in common.
    let folders = to_parts.len() - usize::from(!folder);
    let common = from
        .iter()
        .zip(&to_parts[..folders])
        .take_while(|(a, b)| a == b)
        .count();
    let mut link = "../".repeat(from.len() - common);
    link.push_str(&to_parts[common..].join("/"));
    if folder && to_parts.len() > common {
        link.push('/');
    }
    if link.is_empty() {
        link.push_str("./");
    }
    link
}

#[cfg(test)]
mod tests {
    use super::*;

    fn output(from_url: &str, dest: &str) -> Option<String> {
        match classify_link("content/x.md", from_url, dest) {
            LinkTarget::Output { path, .. } => path,
            other => panic!("{dest}: {other:?}"),
        }
    }

    #[test]
    fn md_links_resolve_relative_to_the_file() {
        assert_eq!(
            classify_link(
                "content/launch/01-a.md",
                "launch/01-a/",
                "../goals.md#targets"
            ),
            LinkTarget::Page {
                file: "content/goals.md".into(),
                anchor: Some("targets")
            }
        );
        assert_eq!(
            classify_link(
                "content/launch/01-a.md",
                "launch/01-a/",
                "/guide/My%20Page.md?x=1"
            ),
            LinkTarget::Page {
                file: "content/guide/My Page.md".into(),
                anchor: None
            }
        );
        assert_eq!(join_path("content/a", "./../../b.md"), "b.md");
        assert_eq!(percent_decode("100%25%zz%4"), "100%%zz%4");
    }

    #[test]
    fn schemes_and_other_hosts_are_external() {
        for dest in [
            "https://x.org/a.md",
            "mailto:x@y",
            "//cdn.example/a.md",
            "tel:+1",
            "  javascript:alert(1)",
            "java\tscript:alert(2)",
            "\u{1}data:text/html,x",
        ] {
            assert_eq!(
                classify_link("content/a.md", "a/", dest),
                LinkTarget::External,
                "{dest}"
            );
        }
        assert_eq!(
            classify_link("content/a.md", "a/", "#top"),
            LinkTarget::Anchor("top")
        );
        assert_eq!(
            classify_link("content/a.md", "a/", "?print"),
            LinkTarget::Anchor("")
        );
    }

    #[test]
    fn other_links_resolve_from_the_page_address() {
        // content/about/faq.md is published at about/faq/.
        assert_eq!(
            output("about/faq/", "../../people/").as_deref(),
            Some("people/")
        );
        assert_eq!(
            output("about/faq/", "peoples/").as_deref(),
            Some("about/faq/peoples/")
        );
        assert_eq!(
            output("about/", "../static/img/team%20a.png?v=2").as_deref(),
            Some("static/img/team a.png")
        );
        assert_eq!(output("about/", "..").as_deref(), Some(""));
        assert_eq!(output("about/", "./").as_deref(), Some("about/"));
        assert_eq!(output("about/", "../faq").as_deref(), Some("faq"));
        assert_eq!(output("", "progress.csv").as_deref(), Some("progress.csv"));
        assert_eq!(output("about/", "../../people/"), None);
        match classify_link("content/a/b.md", "a/b/", "/people/#person-ana") {
            LinkTarget::Output {
                path,
                rooted,
                anchor,
            } => {
                assert_eq!(path.as_deref(), Some("people/"));
                assert!(rooted);
                assert_eq!(anchor, Some("person-ana"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn suggested_links_are_relative() {
        assert_eq!(
            relative_link("content/launch/01-a.md", "content/goals.md"),
            "../goals.md"
        );
        assert_eq!(
            relative_link("content/launch/01-a.md", "content/launch/02-b.md"),
            "02-b.md"
        );
        for (from, to, link) in [
            ("about/faq/", "people/", "../../people/"),
            ("", "people/", "people/"),
            ("about/", "static/img/team.png", "../static/img/team.png"),
            ("about/faq/", "", "../../"),
            ("", "", "./"),
            ("launch/", "launch/01-x/", "01-x/"),
            ("launch/01-x/", "launch/", "../"),
            ("launch/01-x/", "launch/02-y/", "../02-y/"),
            ("a/", "a", "../a"),
            ("pairs/ana/", "pairs/ana/sessions.ics", "sessions.ics"),
        ] {
            assert_eq!(relative_url(from, to), link, "{from} -> {to}");
            assert_eq!(
                output(from, link).as_deref(),
                Some(to),
                "{link} from {from}"
            );
        }
    }
}
