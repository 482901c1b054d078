//! The parts of the frame that are the same on every page of a folder
//! depth: the site header and the footer (`site-header.html`,
//! `site-footer.html`). Each depends only on the site and `root`, so each
//! is rendered once per depth and every page there is given its HTML
//! (`site_header`, `site_footer`): Tera's variable lookups and `t()` calls
//! in them were a tenth of rendering a page.

use super::views::SiteInfo;
use crate::diagnostic::Diagnostic;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tera::Tera;

/// The header and footer of one depth, as HTML.
pub(super) struct Chrome {
    pub(super) header: String,
    pub(super) footer: String,
}

/// The chrome of each depth rendered so far in this render, by `root`.
#[derive(Default)]
pub(super) struct ChromeCache(Mutex<HashMap<String, Arc<Chrome>>>);

impl ChromeCache {
    /// The chrome of pages whose root is `root`, rendered on first use.
    /// Two pages of a new depth at once may both render it: the same
    /// bytes, and no page waits on another.
    pub(super) fn of(
        &self,
        tera: &Tera,
        site: &SiteInfo,
        root: &str,
        fail: impl Fn(&str, &tera::Error) -> Diagnostic,
    ) -> Result<Arc<Chrome>, Diagnostic> {
        if let Some(kept) = self.0.lock().ok().and_then(|kept| kept.get(root).cloned()) {
            return Ok(kept);
        }
        let mut context = tera::Context::new();
        context.insert("site", site);
        context.insert("root", root);
        let render = |template: &str| {
            tera.render(template, &context)
                .map_err(|e| fail(template, &e))
        };
        let chrome = Arc::new(Chrome {
            header: render("site-header.html")?,
            footer: render("site-footer.html")?,
        });
        if let Ok(mut kept) = self.0.lock() {
            kept.insert(root.to_string(), Arc::clone(&chrome));
        }
        Ok(chrome)
    }
}
