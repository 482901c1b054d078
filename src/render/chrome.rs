//! The parts of the frame that many pages share, rendered once and given
//! to each as HTML: the site header and footer (`frame-header.html`,
//! `frame-footer.html`), the same on every page of a folder depth, and the
//! links of the breadcrumbs (`frame-breadcrumbs.html`), the same on every page
//! of a folder. Tera's variable lookups and `t()` calls in them were a
//! sixth of rendering a page.

use super::theme::Frame;
use super::views::{Link, SiteInfo};
use crate::diagnostic::Diagnostic;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tera::Tera;

/// What the pages of one depth share, as HTML.
pub(super) struct Chrome {
    /// `None` when no template prints it (`Frame`).
    header: Option<String>,
    footer: Option<String>,
    /// `frame-breadcrumbs.html` for each list of breadcrumbs rendered so far.
    crumbs: Mutex<HashMap<Vec<Link>, Arc<str>>>,
}

/// The chrome of each depth rendered so far in this render, by `root`.
#[derive(Default)]
pub(super) struct ChromeCache(Mutex<HashMap<String, Arc<Chrome>>>);

/// What the partials are rendered with: nothing of one page.
pub(super) struct Shared<'a> {
    pub(super) tera: &'a Tera,
    pub(super) site: &'a SiteInfo,
    pub(super) root: &'a str,
}

impl Shared<'_> {
    fn render(
        &self,
        template: &str,
        crumbs: Option<&[Link]>,
        fail: &impl Fn(&str, &tera::Error) -> Diagnostic,
    ) -> Result<String, Diagnostic> {
        let mut context = tera::Context::new();
        context.insert("site", self.site);
        context.insert("root", self.root);
        if let Some(crumbs) = crumbs {
            context.insert("breadcrumbs", crumbs);
        }
        self.tera
            .render(template, &context)
            .map_err(|e| fail(template, &e))
    }

    /// `template` rendered when a template prints it (`Frame`).
    fn render_if(
        &self,
        printed: bool,
        template: &str,
        fail: &impl Fn(&str, &tera::Error) -> Diagnostic,
    ) -> Result<Option<String>, Diagnostic> {
        printed
            .then(|| self.render(template, None, fail))
            .transpose()
    }
}

impl ChromeCache {
    /// Puts into `context` the parts of the frame the templates print
    /// (`Frame`), as rendered for a page at `shared.root` whose
    /// breadcrumbs are `crumbs`.
    pub(super) fn frame_into(
        &self,
        context: &mut tera::Context,
        shared: &Shared,
        frame: Frame,
        crumbs: &[Link],
        fail: &impl Fn(&str, &tera::Error) -> Diagnostic,
    ) -> Result<(), Diagnostic> {
        if frame == Frame::default() {
            return Ok(());
        }
        let chrome = self.of(shared, frame, fail)?;
        if let Some(header) = &chrome.header {
            context.insert(Frame::HEADER, header);
        }
        if let Some(footer) = &chrome.footer {
            context.insert(Frame::FOOTER, footer);
        }
        if frame.breadcrumbs {
            context.insert(Frame::BREADCRUMBS, &*chrome.crumbs(shared, crumbs, fail)?);
        }
        Ok(())
    }

    /// The chrome of pages whose root is `root`, rendered on first use.
    /// Two pages of a new depth at once may both render it: the same
    /// bytes, and no page waits on another.
    fn of(
        &self,
        shared: &Shared,
        frame: Frame,
        fail: &impl Fn(&str, &tera::Error) -> Diagnostic,
    ) -> Result<Arc<Chrome>, Diagnostic> {
        let kept = self.0.lock().ok();
        if let Some(kept) = kept.and_then(|kept| kept.get(shared.root).cloned()) {
            return Ok(kept);
        }
        let chrome = Arc::new(Chrome {
            header: shared.render_if(frame.header, "frame-header.html", fail)?,
            footer: shared.render_if(frame.footer, "frame-footer.html", fail)?,
            crumbs: Mutex::default(),
        });
        if let Ok(mut kept) = self.0.lock() {
            kept.insert(shared.root.to_string(), Arc::clone(&chrome));
        }
        Ok(chrome)
    }
}

impl Chrome {
    /// The links of `crumbs` as list items, rendered on first use.
    fn crumbs(
        &self,
        shared: &Shared,
        crumbs: &[Link],
        fail: &impl Fn(&str, &tera::Error) -> Diagnostic,
    ) -> Result<Arc<str>, Diagnostic> {
        let kept = self.crumbs.lock().ok();
        if let Some(kept) = kept.and_then(|kept| kept.get(crumbs).cloned()) {
            return Ok(kept);
        }
        let html: Arc<str> = shared
            .render("frame-breadcrumbs.html", Some(crumbs), fail)?
            .into();
        if let Ok(mut kept) = self.crumbs.lock() {
            kept.insert(crumbs.to_vec(), Arc::clone(&html));
        }
        Ok(html)
    }
}
