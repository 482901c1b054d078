//! Rendering again only what an edit can change, for `serve`: the plan
//! says what changed in the sources (`commands::serve::incremental`), the
//! previous render's records say what each page was made of, and
//! `Context::touched` decides, page kind by page kind, which pages the
//! change reaches.

use super::jobs::Change;
use super::{Deliver, PageRecord, Plan, Rendered, Sink, Theme, context, extra_files, render_jobs};
use crate::diagnostic::Diagnostic;
use crate::model::Playbook;
use crate::progress::Progress;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};

/// After the edits `plan` names (no content file added or removed):
/// renders the pages they can change into `sink` and returns the updated
/// record. A body edit changes the pages showing that body; an edit to a
/// plain page's front matter (its title, say) also changes the pages whose
/// navigation shows it and every page that is not plain; a data edit
/// changes the pages showing the pairs, steps and goals it changed, and the
/// exports and calendars. The search index is left to `search_files`, so
/// that the pages can be shown first. `None` when the plan is `Everything`,
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
    let context = inputs.context(&theme.tera, &previous.updated);
    let jobs = context.jobs();
    let before: HashMap<&str, &PageRecord> = previous
        .pages
        .iter()
        .map(|r| (r.address.as_str(), r))
        .collect();
    let addresses: Vec<String> = jobs.iter().map(|j| j.address(playbook)).collect();
    let olds: Vec<Option<&PageRecord>> = addresses
        .iter()
        .map(|a| before.get(a.as_str()).copied())
        .collect();
    // Only a data edit may add or remove pages (a pair put in or taken
    // out of a roster); a page that shows another file's body than before
    // is another page.
    let same_pages = jobs.len() == previous.pages.len() && olds.iter().all(Option::is_some);
    let data = matches!(plan, Plan::Data(_));
    let consistent = jobs
        .iter()
        .zip(&olds)
        .all(|(job, old)| old.is_none_or(|o| context.body_of(job) == o.body_of.as_deref()));
    if !consistent || (!same_pages && !data) {
        return Ok(None);
    }
    let pair_prints = data.then(|| context.pair_prints());
    let wanted: Vec<bool> = match plan {
        Plan::Everything => return Ok(None),
        Plan::Bodies(changed) => jobs
            .iter()
            .map(|job| changed.iter().any(|f| context.shows_body_of(job, f)))
            .collect(),
        Plan::PlainPages(changed) => jobs
            .par_iter()
            .zip(&olds)
            .map(|(job, before)| context.plain_page_changed(job, changed, *before))
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
    let mut extras = previous.extras.clone();
    let mut stale = Vec::new();
    if data {
        let made = extra_files(&inputs, &context);
        let now: HashSet<&str> = made.iter().map(|f| f.path.as_str()).collect();
        stale.extend(
            previous
                .extras
                .iter()
                .filter(|p| !now.contains(p.as_str()))
                .cloned(),
        );
        extras = made.iter().map(|f| f.path.clone()).collect();
        for file in made {
            deliver.put(file).map_err(|d| vec![d])?;
        }
    }
    drop(context);
    let mut fresh: HashMap<String, PageRecord> =
        fresh.into_iter().map(|r| (r.address.clone(), r)).collect();
    let pages: Vec<PageRecord> = addresses
        .iter()
        .zip(&olds)
        .filter_map(|(address, old)| fresh.remove(address).or_else(|| old.map(PageRecord::clone)))
        .collect();
    let kept: HashSet<&str> = pages.iter().map(|p| p.path.as_str()).collect();
    stale.extend(
        previous
            .pages
            .iter()
            .filter(|p| !kept.contains(p.path.as_str()))
            .map(|p| p.path.clone()),
    );
    Ok(Some(Rendered {
        files: previous.files,
        pages,
        updated: previous.updated.clone(),
        theme: Some(theme),
        pairs: pair_prints.unwrap_or_else(|| previous.pairs.clone()),
        extras,
        stale,
    }))
}
