//! Redirect pages: one at each alias's address (`Published::redirects`),
//! sending the reader on to the page. Plain HTML that needs nothing of the
//! theme: a meta refresh and a visible link, both relative and to the
//! page's `index.html`, so they work from disk (where a folder opens as a
//! listing) as on any web server; a canonical link, so a crawler files the
//! page under its own address; `noindex`. Not in search, navigation or
//! the sitemap: render lists them nowhere else.

use super::OutputFile;
use super::markdown::escape;
use crate::model::Playbook;
use crate::model::site::{BuiltPage, Published};
use crate::urls::relative_url;

pub(super) fn files(playbook: &Playbook, published: &Published) -> Vec<OutputFile> {
    published
        .redirects(playbook)
        .into_iter()
        .map(|redirect| {
            let from = &redirect.alias.address;
            let to = redirect.to.address(playbook);
            let title = match redirect.to {
                BuiltPage::Content(i) => playbook.pages[i].title.clone(),
                _ => to.clone(),
            };
            OutputFile {
                path: format!("{from}index.html"),
                bytes: page(playbook, from, &to, &title).into_bytes(),
            }
        })
        .collect()
}

/// The redirect page at `from` to the page at `to`.
fn page(playbook: &Playbook, from: &str, to: &str, title: &str) -> String {
    let link = format!("{}index.html", relative_url(from, to));
    let base = playbook.config.base_url.trim_end_matches('/');
    let canonical = if base.is_empty() {
        relative_url(from, to)
    } else {
        format!("{base}/{to}")
    };
    let (link, canonical, title) = (escape(&link), escape(&canonical), escape(title));
    let lang = escape(&playbook.config.language);
    let moved = escape(&playbook.messages.get("ui-moved"));
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{title}</title>\n<meta name=\"robots\" content=\"noindex\">\n\
         <link rel=\"canonical\" href=\"{canonical}\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url={link}\">\n</head>\n<body>\n\
         <p>{moved} <a href=\"{link}\">{title}</a>.</p>\n</body>\n</html>\n"
    )
}
