//! `build`: read, check, render and write, the link rule after render.

use super::{
    BuildError, BuildOptions, Built, Checked, history_of, load_read_by, ready_to_render, theme,
    with_render_diagnostics, with_theme,
};
use crate::check;
use crate::diagnostic;
use crate::model;
use crate::progress::Progress;
use crate::render;
use crate::source::markdown::Scan;
use std::path::Path;

/// Fills in the scans the model left to render (`made`: those the render
/// made) and adds what reading them finds and the link rule.
fn finish_checks(checked: &mut Checked, made: Vec<(String, Scan)>) {
    let problems = checked.playbook.fill_scans(made);
    checked.diagnostics.extend(problems);
    checked.diagnostics.extend(check::links(&checked.playbook));
    diagnostic::sort(&mut checked.diagnostics);
}

/// A build that cannot render (its theme or a template fails) reports, as
/// before the link rule waited for render, the site's own errors when it
/// has any: those are what to fix first.
fn site_errors_first(mut checked: Checked) -> Result<Checked, BuildError> {
    if checked.playbook.has_pending_scans() {
        finish_checks(&mut checked, Vec::new());
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
        finish_checks(&mut checked, Vec::new());
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
    let rendered = render::render(
        &checked.playbook,
        &progress,
        theme,
        updated,
        &options.render,
        &staging,
        false,
    );
    checked.timings.lap("render");
    if rendered.is_err() {
        checked = site_errors_first(checked)?;
    }
    let (mut checked, mut rendered) = with_render_diagnostics(checked, rendered)?;
    finish_checks(&mut checked, std::mem::take(&mut rendered.scans));
    checked.timings.lap("links");
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
