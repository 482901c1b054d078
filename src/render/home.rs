//! The home page's key figures (on `content/_index.md`, or the generated
//! home page): pairs, sessions held, share on track, launch steps, goals;
//! in a site with programs, the same of each program on its folder's
//! `_index.md`. Pairs of draft rosters (proposals) never count, `--drafts`
//! or not.

use super::context::Context;
use super::views::{Figure, HomeView};
use crate::progress::{self, PairStatus};
use crate::urls;

impl Context<'_> {
    pub(super) fn home(&self, root: &str) -> HomeView {
        self.home_of(root, None)
    }

    /// The figures of program `scope` (of the site with `None`), for its
    /// folder's `_index.md`.
    pub(super) fn home_of(&self, root: &str, scope: Option<usize>) -> HomeView {
        let in_scope = |pair: &crate::model::PublicPair| scope.is_none_or(|p| pair.program == p);
        let statuses: Vec<PairStatus> = self
            .counted_pairs()
            .filter(|(_, pair)| in_scope(pair))
            .map(|(i, _)| self.pair_progress[i].status)
            .collect();
        let running = statuses
            .iter()
            .filter(|s| {
                matches!(
                    s,
                    PairStatus::OnTrack | PairStatus::AtRisk | PairStatus::Stalled
                )
            })
            .count();
        let on_track = statuses
            .iter()
            .filter(|s| **s == PairStatus::OnTrack)
            .count();
        let held: u32 = self
            .counted_pairs()
            .filter(|(_, pair)| in_scope(pair))
            .map(|(i, _)| self.pair_progress[i].held)
            .sum();
        let guides = self.guides(root, scope);
        let steps: usize = guides.iter().map(|g| g.progress.steps).sum();
        let steps_done: usize = guides.iter().map(|g| g.progress.done).sum();
        let goals = self.all_goal_rows(scope);
        let reached = goals.iter().filter(|g| g.status_slug == "reached").count();
        let m = &self.playbook.messages;
        let of = |done: usize, total: usize| {
            m.text(
                "ui-x-of-y",
                &[("done", done.into()), ("total", total.into())],
            )
        };
        let mut figures = vec![
            Figure {
                label: m.get("ui-figure-pairs"),
                value: m.number(statuses.len() as f64, None),
                note: m.count("ui-figure-meeting-now", running as f64),
            },
            Figure {
                label: m.get("ui-figure-sessions-held"),
                value: m.number(f64::from(held), None),
                note: m.text(
                    "ui-figure-as-of",
                    &[("date", self.site.as_of_label.as_str().into())],
                ),
            },
            Figure {
                label: m.get("ui-figure-on-track"),
                value: m.count("ui-percent", progress::percent(on_track, running) as f64),
                note: m.text(
                    "ui-figure-on-track-note",
                    &[("n", on_track.into()), ("total", running.into())],
                ),
            },
        ];
        if steps > 0 {
            figures.push(Figure {
                label: m.get("ui-figure-steps-done"),
                value: of(steps_done, steps),
                note: String::new(),
            });
        }
        if !goals.is_empty() {
            figures.push(Figure {
                label: m.get("ui-figure-goals-reached"),
                value: of(reached, goals.len()),
                note: String::new(),
            });
        }
        HomeView {
            figures,
            progress_href: match scope {
                None => format!("{root}{}", urls::progress_url()),
                Some(p) => format!(
                    "{root}{}",
                    urls::program_progress_url(self.playbook.program_id(p))
                ),
            },
            progress_label: m.get(match scope {
                Some(_) if self.playbook.has_programs() => "ui-see-program-progress",
                _ => "ui-see-progress",
            }),
            print_href: format!("{root}{}", urls::print_url()),
            programs: match scope {
                None => self.program_rows(root),
                Some(_) => Vec::new(),
            },
        }
    }
}
