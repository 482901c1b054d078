//! The home page's key figures (on `content/_index.md`, or the generated
//! home page): pairs, sessions held, share on track, launch steps, goals.
//! Pairs of draft rosters (proposals) never count, `--drafts` or not.

use super::context::Context;
use super::views::{Figure, HomeView};
use crate::progress::{self, PairStatus};
use crate::urls;

impl Context<'_> {
    pub(super) fn home(&self, root: &str) -> HomeView {
        let statuses: Vec<PairStatus> = self
            .counted_pairs()
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
            .map(|(i, _)| self.pair_progress[i].held)
            .sum();
        let guides = self.guides(root);
        let steps: usize = guides.iter().map(|g| g.progress.steps).sum();
        let steps_done: usize = guides.iter().map(|g| g.progress.done).sum();
        let goals = self.all_goal_rows();
        let reached = goals.iter().filter(|g| g.status_slug == "reached").count();
        let mut figures = vec![
            Figure {
                label: "Pairs".into(),
                value: statuses.len().to_string(),
                note: format!("{running} meeting now"),
            },
            Figure {
                label: "Sessions held".into(),
                value: held.to_string(),
                note: format!("as of {}", self.site.as_of_label),
            },
            Figure {
                label: "On track".into(),
                value: format!("{}%", progress::percent(on_track, running)),
                note: format!("{on_track} of {running} meeting pairs"),
            },
        ];
        if steps > 0 {
            figures.push(Figure {
                label: "Launch steps done".into(),
                value: format!("{steps_done} of {steps}"),
                note: String::new(),
            });
        }
        if !goals.is_empty() {
            figures.push(Figure {
                label: "Goals reached".into(),
                value: format!("{reached} of {}", goals.len()),
                note: String::new(),
            });
        }
        HomeView {
            figures,
            progress_href: format!("{root}{}", urls::progress_url()),
            print_href: format!("{root}{}", urls::print_url()),
        }
    }
}
