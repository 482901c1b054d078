//! Rendering again only what an edit can change, for `serve`: the plan
//! says what changed in the sources (`commands::serve::incremental`), the
//! previous render's records say what each page was made of, and
//! `Context::touched` decides, page kind by page kind, which pages the
//! change reaches.

use super::jobs::Change;
use super::{
    Deliver, OutputFile, PageRecord, Plan, Rendered, Sink, Theme, context, extra_files, render_jobs,
};
use crate::diagnostic::Diagnostic;
use crate::model::Playbook;
use crate::progress::Progress;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// After the edits `plan` names (no content file added or removed):
/// renders the pages they can change into `sink` and returns the updated
/// record. A body edit changes the pages showing that body; an edit to a
/// plain page's front matter (its title, say) also changes the pages whose
/// navigation shows it and every page that is not plain; a data edit
/// changes the pages showing the pairs, steps and goals it changed. The
/// search index (`search_files`) and, after a data edit, the exports and
/// calendars (`extras_again`) are left to the caller, so that the pages
/// can be shown first. `None` when the plan is `Everything`,
/// a template or asset changed too, or the pages no longer match
/// `previous`: the caller must then render everything.
pub fn rerender(
    playbook: &Playbook,
    progress: &Progress,
    theme: Theme,
    options: &super::Options,
    previous: &Rendered,
    plan: &Plan,
    sink: &dyn Sink,
) -> Result<Option<Rendered>, Vec<Diagnostic>> {
    let Some(previous_theme) = &previous.theme else {
        return Ok(None);
    };
    if theme.fingerprint != previous_theme.fingerprint {
        return Ok(None);
    }
    let inputs = context::Inputs::new(playbook, progress, options);
    let context = inputs.context(&theme, &previous.updated);
    let jobs = context.jobs();
    // Only a data edit may add, remove or move pages (a pair put in,
    // taken out or moved): when its pages are not the last render's in
    // order, they are matched with them by address; otherwise, and for
    // every other plan, they are the last render's, in order.
    let data = matches!(plan, Plan::Data(_));
    let addresses: Vec<String> = if data {
        jobs.par_iter().map(|j| j.address(playbook)).collect()
    } else {
        Vec::new()
    };
    let in_order = |pages: &[Arc<PageRecord>]| {
        pages.len() == addresses.len() && pages.iter().zip(&addresses).all(|(p, a)| p.address == *a)
    };
    let moved = data && !in_order(&previous.pages);
    let olds: Vec<Option<&Arc<PageRecord>>> = if moved {
        let before: HashMap<&str, &Arc<PageRecord>> = previous
            .pages
            .iter()
            .map(|r| (r.address.as_str(), r))
            .collect();
        addresses
            .iter()
            .map(|a| before.get(a.as_str()).copied())
            .collect()
    } else if jobs.len() == previous.pages.len() {
        // Every page where it was: most data edits, and the other plans.
        previous.pages.iter().map(Some).collect()
    } else {
        return Ok(None);
    };
    // A page that shows another file's body than before is another page.
    let consistent = jobs
        .iter()
        .zip(&olds)
        .all(|(job, old)| old.is_none_or(|o| context.body_of(job) == o.body_of.as_deref()));
    if !consistent {
        return Ok(None);
    }
    let pair_prints = match plan {
        Plan::Data(changed) => Some(context.pair_prints_after(&previous.pairs, changed)),
        _ => None,
    };
    let wanted: Vec<bool> = match plan {
        Plan::Everything => return Ok(None),
        Plan::Bodies(changed) => jobs
            .iter()
            .map(|job| changed.iter().any(|f| context.shows_body_of(job, f)))
            .collect(),
        Plan::PlainPages(changed) => jobs
            .par_iter()
            .zip(&olds)
            .map(|(job, before)| context.plain_page_changed(job, changed, before.map(|b| &**b)))
            .collect(),
        Plan::Data(changed) => {
            let prints = pair_prints.as_deref().unwrap_or_default();
            let change = Change::between(playbook, &previous.pairs, prints, changed);
            jobs.par_iter()
                .zip(&olds)
                .map(|(job, before)| match before {
                    None => true,
                    Some(before) => context.touched(job, &change, before),
                })
                .collect()
        }
    };
    let deliver = Deliver::new(sink);
    let fresh = render_jobs(&context, &jobs, &|i| wanted[i], true, &deliver)?;
    drop(context);
    let mut fresh: HashMap<String, PageRecord> =
        fresh.into_iter().map(|r| (r.address.clone(), r)).collect();
    let pages: Vec<Arc<PageRecord>> = olds
        .iter()
        .enumerate()
        .filter_map(|(i, old)| {
            let address = addresses
                .get(i)
                .map_or_else(|| old.map_or("", |o| o.address.as_str()), String::as_str);
            match fresh.remove(address) {
                Some(record) => Some(Arc::new(record)),
                None => old.map(Arc::clone),
            }
        })
        .collect();
    // Pages at the addresses they had are written to the paths they had.
    let stale = if moved {
        let kept: HashSet<&str> = pages.iter().map(|p| p.path.as_str()).collect();
        previous
            .pages
            .iter()
            .filter(|p| !kept.contains(p.path.as_str()))
            .map(|p| p.path.clone())
            .collect()
    } else {
        Vec::new()
    };
    Ok(Some(Rendered {
        files: previous.files,
        pages,
        updated: previous.updated.clone(),
        theme: Some(theme),
        pairs: pair_prints.unwrap_or_else(|| previous.pairs.clone()),
        extras: previous.extras.clone(),
        stale,
    }))
}

/// After a data edit's `rerender`: the exports, calendars, redirects and
/// sitemap made again, and the paths of those `rendered` had that are no
/// longer made (whose list it updates).
pub fn extras_again(
    playbook: &Playbook,
    progress: &Progress,
    options: &super::Options,
    rendered: &mut Rendered,
) -> (Vec<OutputFile>, Vec<String>) {
    let Some(theme) = &rendered.theme else {
        return (Vec::new(), Vec::new());
    };
    let inputs = context::Inputs::new(playbook, progress, options);
    let context = inputs.context(theme, &rendered.updated);
    let made = extra_files(&inputs, &context);
    drop(context);
    let now: HashSet<&str> = made.iter().map(|f| f.path.as_str()).collect();
    let stale = rendered
        .extras
        .iter()
        .filter(|p| !now.contains(p.as_str()))
        .cloned()
        .collect();
    rendered.extras = made.iter().map(|f| f.path.clone()).collect();
    (made, stale)
}
