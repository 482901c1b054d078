//! `build`: read, check, render and write. The link rule needs every
//! page's scan, which a build leaves to render (`model::read_leaving_scans`):
//! it runs beside the search index and exports once the pages are out, or,
//! when nothing is rendered, on scans made for it.

use super::{
    BuildError, BuildOptions, Built, Checked, history_of, load_read_by, ready_to_render, theme,
    with_render_diagnostics,
};
use crate::check;
use crate::diagnostic::{self, Diagnostic};
use crate::model;
use crate::model::site::SiteMap;
use crate::progress::Progress;
use crate::render;
use crate::source::markdown::Scan;
use std::path::Path;

/// The link rule's findings over the scans the model left to render,
/// completed (`made`: those render made); the scans, to put in place.
fn links_with(
    checked: &Checked,
    site: &SiteMap,
    made: Vec<(String, Scan)>,
) -> (Vec<Option<Scan>>, Vec<Diagnostic>) {
    let scans = checked.playbook.pending_scans(made);
    let found = check::links(&checked.playbook, &scans, site);
    (scans, found)
}

/// Puts the completed scans in place, and adds what reading them found
/// (HTML nested too deep) and the link rule's findings.
fn finish_checks(checked: &mut Checked, (scans, found): (Vec<Option<Scan>>, Vec<Diagnostic>)) {
    let problems = checked.playbook.fill_scans(scans);
    checked.diagnostics.extend(problems);
    checked.diagnostics.extend(found);
    diagnostic::sort(&mut checked.diagnostics);
}

/// The checks finished without render: the report `check` gives.
fn checked_now(checked: &mut Checked, site: &SiteMap) {
    if checked.playbook.has_pending_scans() {
        let late = links_with(checked, site, Vec::new());
        finish_checks(checked, late);
    }
}

/// A build that stops before its pages are checked (the theme or a
/// template fails, the output folder cannot be made or written) reports,
/// as when every check ran before render, the site's own errors when it
/// has any: those are what to fix first.
fn site_errors_first(mut checked: Checked, site: &SiteMap) -> Result<Checked, BuildError> {
    checked_now(&mut checked, site);
    if checked.has_errors() {
        return Err(BuildError::Invalid(Box::new(checked)));
    }
    Ok(checked)
}

/// `result`'s value, or its problems (a theme or template that fails)
/// added to the report, after the site's own errors if it has any.
fn or_site_errors_first<T>(
    checked: Checked,
    site: &SiteMap,
    result: Result<T, Vec<Diagnostic>>,
) -> Result<(Checked, T), BuildError> {
    let checked = match result {
        Ok(_) => checked,
        Err(_) => site_errors_first(checked, site)?,
    };
    with_render_diagnostics(checked, result)
}

/// Read, check, render and write. Pages go to a staging folder as they are
/// rendered; it replaces the output only when every stage succeeded, the
/// link rule included: a site with broken links is refused with the same
/// report as `check` gives, after its pages were rendered (and dropped).
pub fn build(root: &Path, options: &BuildOptions) -> Result<Built, BuildError> {
    let mut checked = load_read_by(root, model::read_leaving_scans).map_err(BuildError::Io)?;
    let as_of = options.render.as_of;
    // The theme's templates (20 ms or so) and the files' git dates (a `git
    // log` over the repository: 70 ms on the default playbook's) need only
    // what was read, so they are made while the cross-file rules run rather
    // than after: the whole build took 1.5-1.9 times the bare loop at 10,000
    // pages, and this was time on one core only.
    let ((found, site), (compiled, updated)) = rayon::join(
        || check::all_but_links(&checked.playbook),
        || {
            let playbook = &checked.playbook;
            rayon::join(
                || theme(root, &playbook.messages, None),
                || history_of(playbook, root, as_of),
            )
        },
    );
    checked.diagnostics.extend(found);
    if checked.has_errors() {
        checked_now(&mut checked, &site);
    }
    diagnostic::sort(&mut checked.diagnostics);
    checked.timings.lap("check, theme and history");
    let checked = ready_to_render(checked.as_of(as_of), options.base_url.as_deref())?;
    // The theme's warnings wait for the link rule: a site it refuses is
    // reported as `check` reports it.
    let (mut checked, (theme, theme_warnings)) = or_site_errors_first(checked, &site, compiled)?;
    let progress = Progress::of(&checked.playbook, as_of);
    checked.timings.lap("progress");
    let staging = match crate::write::Staging::new(&options.out) {
        Ok(staging) => staging,
        Err(message) => {
            site_errors_first(checked, &site)?;
            return Err(BuildError::Io(message));
        }
    };
    let pages = render::Site {
        playbook: &checked.playbook,
        progress: &progress,
        updated,
        options: &options.render,
    };
    // The link rule runs beside the search index and the other files.
    let rendered = render::render_beside(pages, theme, &staging, false, |made| {
        links_with(&checked, &site, made)
    });
    checked.timings.lap("render and links");
    let (mut checked, (rendered, late)) = or_site_errors_first(checked, &site, rendered)?;
    finish_checks(&mut checked, late);
    if checked.has_errors() {
        // `staging` goes with its pages: the previous output stays.
        return Err(BuildError::Invalid(Box::new(checked)));
    }
    if !theme_warnings.is_empty() {
        checked.diagnostics.extend(theme_warnings);
        diagnostic::sort(&mut checked.diagnostics);
    }
    staging.commit().map_err(BuildError::Io)?;
    checked.timings.lap("commit");
    Ok(Built {
        checked,
        files: rendered.files,
        rendered,
        progress,
    })
}
