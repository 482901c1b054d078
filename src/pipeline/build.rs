//! `build`: read, check, render and write, the link rule after render.

use super::{
    BuildError, BuildOptions, Built, Checked, history_of, load_read_by, ready_to_render, theme,
    with_render_diagnostics, with_theme,
};
use crate::check;
use crate::diagnostic::{self, Diagnostic};
use crate::model;
use crate::progress::Progress;
use crate::render;
use crate::source::markdown::Scan;
use std::path::Path;

/// The scans the model left to render, completed (`made`: those render
/// made), and the link rule's findings with them.
fn links_with(
    checked: &Checked,
    made: Vec<(String, Scan)>,
) -> (Vec<Option<Scan>>, Vec<Diagnostic>) {
    let scans = checked.playbook.pending_scans(made);
    let found = check::links(&checked.playbook, &scans);
    (scans, found)
}

/// Puts the completed scans in place and adds what reading them found
/// and the link rule's findings.
fn finish_checks(checked: &mut Checked, (scans, found): (Vec<Option<Scan>>, Vec<Diagnostic>)) {
    let problems = checked.playbook.fill_scans(scans);
    checked.diagnostics.extend(problems);
    checked.diagnostics.extend(found);
    diagnostic::sort(&mut checked.diagnostics);
}

/// A build that cannot render (its theme or a template fails) reports, as
/// before the link rule waited for render, the site's own errors when it
/// has any: those are what to fix first.
fn site_errors_first(mut checked: Checked) -> Result<Checked, BuildError> {
    if checked.playbook.has_pending_scans() {
        let late = links_with(&checked, Vec::new());
        finish_checks(&mut checked, late);
    }
    if checked.has_errors() {
        return Err(BuildError::Invalid(Box::new(checked)));
    }
    Ok(checked)
}

/// Read, check, render and write. Pages go to a staging folder as they are
/// rendered; it replaces the output only when every stage succeeded. The
/// link rule runs after render, which reads each page's links and headings
/// from the parse it renders the page from (`model::read_leaving_scans`):
/// every body is parsed once, and a site with broken links is refused
/// with the same report as `check` gives.
pub fn build(root: &Path, options: &BuildOptions) -> Result<Built, BuildError> {
    let mut checked = load_read_by(root, model::read_leaving_scans).map_err(BuildError::Io)?;
    let as_of = options.render.as_of;
    // The theme's templates (20 ms or so) and the files' git dates (a `git
    // log` over the repository: 70 ms on the default playbook's) need only
    // what was read, so they are made while the cross-file rules run rather
    // than after: the whole build took 1.5-1.9 times the bare loop at 10,000
    // pages, and this was time on one core only.
    let (found, (compiled, updated)) = rayon::join(
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
        // Nothing is rendered: the report is `check`'s, links included.
        let late = links_with(&checked, Vec::new());
        finish_checks(&mut checked, late);
    }
    diagnostic::sort(&mut checked.diagnostics);
    checked.timings.lap("check, theme and history");
    let mut checked = ready_to_render(checked.as_of(as_of), options.base_url.as_deref())?;
    if compiled.is_err() {
        checked = site_errors_first(checked)?;
    }
    let (mut checked, theme) = with_theme(checked, compiled)?;
    let progress = Progress::of(&checked.playbook, as_of);
    checked.timings.lap("progress");
    let staging = crate::write::Staging::new(&options.out).map_err(BuildError::Io)?;
    let site = render::Site {
        playbook: &checked.playbook,
        progress: &progress,
        updated,
        options: &options.render,
    };
    // The link rule runs beside the search index and the other files.
    let rendered = render::render_beside(site, theme, &staging, false, |made| {
        links_with(&checked, made)
    });
    checked.timings.lap("render and links");
    if rendered.is_err() {
        checked = site_errors_first(checked)?;
    }
    let (mut checked, (rendered, late)) = with_render_diagnostics(checked, rendered)?;
    finish_checks(&mut checked, late);
    if checked.has_errors() {
        // `staging` goes with its pages: the previous output stays.
        return Err(BuildError::Invalid(Box::new(checked)));
    }
    staging.commit().map_err(BuildError::Io)?;
    checked.timings.lap("commit");
    Ok(Built {
        checked,
        files: rendered.files,
    })
}
