//! `sitemap.xml` for intranet crawlers, written only when `base_url` is
//! set (a sitemap lists absolute URLs). It lists what a build without
//! `--drafts` publishes (`Published::pages_built`), whatever the build:
//! never a draft, even in a `--drafts` preview; never a redirect, the
//! 404 page or the print page (every page again, on one). Pair pages are listed: each shows only what `Pair::public`
//! allows, and its address (the pair's id) is already linked from its
//! roster; a confidential pair's old ids (its aliases) are not written
//! at all.

use super::OutputFile;
use crate::model::Playbook;
use crate::model::site::{BuiltPage, Published};

pub(super) fn file(playbook: &Playbook) -> Option<OutputFile> {
    let base = playbook.config.base_url.trim_end_matches('/');
    if base.is_empty() {
        return None;
    }
    let published = Published::of(playbook, false);
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for page in published.pages_built(playbook) {
        // The print page repeats every page: a crawler would offer it for
        // any query, in place of the page that answers it.
        if matches!(page, BuiltPage::NotFound | BuiltPage::Print) {
            continue;
        }
        let url = format!("{base}/{}", encode_path(&page.address(playbook)));
        xml.push_str("<url><loc>");
        xml.push_str(&escape_xml(&url));
        xml.push_str("</loc></url>\n");
    }
    xml.push_str("</urlset>\n");
    Some(OutputFile {
        path: crate::urls::SITEMAP.to_string(),
        bytes: xml.into_bytes(),
    })
}

/// A site path as a URL spells it: bytes other than letters, digits,
/// `-._~/` percent-encoded (an id may be in any script; a sitemap's URLs
/// must be plain ASCII).
fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_plain_ascii_and_escaped() {
        assert_eq!(encode_path("pairs/über bo/"), "pairs/%C3%BCber%20bo/");
        assert_eq!(
            escape_xml("https://x/?a=1&b=<2>"),
            "https://x/?a=1&amp;b=&lt;2&gt;"
        );
    }
}
