//! `404.html`: the page a web server answers missing paths with.

use super::OutputFile;
use super::context::{Context, Rendering};
use super::views::NoKind;

impl Context<'_> {
    pub(super) fn not_found_page(&self) -> Rendering {
        let mut view = self.blank::<NoKind>(
            "",
            self.playbook.messages.get("ui-not-found-title"),
            "notfound",
        );
        // Served at any depth, so links must not be relative to it: they
        // start from base_url's path (or the server's root).
        let base = self.playbook.config.base_url.trim_end_matches('/');
        let path = base.find("://").map_or(base, |i| {
            base[i + 3..].find('/').map_or("", |p| &base[i + 3 + p..])
        });
        view.root = format!("{path}/");
        view.canonical = None;
        view.sidebar = self.nav.sidebar_html(0, "404", &view.root);
        let html = self.finish("404.html", "", &view, "themes/default/templates/404.html")?;
        Ok((
            OutputFile {
                path: crate::urls::NOT_FOUND.into(),
                bytes: html.bytes,
            },
            None,
        ))
    }
}
