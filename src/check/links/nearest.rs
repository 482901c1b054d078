//! The existing target a broken link most likely meant, ranked by path
//! similarity. A candidate is suggested only when its name (the last part
//! of its path) is close to the link's; the closest kind of name wins:
//!
//! 1. the same name, case aside: a link written from the wrong folder
//!    (`people/` from `about/faq/`, `img/team.png` for `static/img/team.png`);
//! 2. a name a typo away, as every "did you mean" judges it
//!    (`crate::suggest`: an edit per four letters): `peoples/`,
//!    `01-define-goal.md`;
//! 3. a name sharing a word of four or more letters, or, in the same
//!    folder, its numeric prefix: a renamed step, `02-pair-people.md` ->
//!    `02-recruit-and-pair.md` (and not `01-define-goals.md`, which shares
//!    nothing but the folder).
//!
//! Among names equally close, the nearest folder wins (the fewest folders
//! to go up and down from the link's to the candidate's), then the most
//! words and prefix in common, then the smallest edit distance, then the
//! path, so that the choice never depends on order.

use crate::suggest::edits_if_near;
use std::collections::HashMap;

/// Paths that exist, prepared for ranking.
pub struct Candidates<'a> {
    items: Vec<Candidate<'a>>,
    /// Same-name lookups stay fast once the fuzzy budget is spent.
    by_name: HashMap<String, Vec<usize>>,
    /// Fuzzy searches left (each compares every candidate); past it only
    /// same-name suggestions are made, so a site full of broken links
    /// stays linear.
    budget: usize,
}

struct Candidate<'a> {
    path: &'a str,
    /// May be suggested only from a draft page.
    drafts_only: bool,
    parts: Parts<'a>,
}

/// A path split for comparison.
struct Parts<'a> {
    folders: Vec<&'a str>,
    /// Lower-case.
    name: String,
    /// Its characters, for edit distances.
    chars: Vec<char>,
    words: Vec<String>,
    prefix: Option<&'a str>,
}

/// How many broken links get a fuzzy search per check.
const FUZZY_BUDGET: usize = 500;
/// Longer names are no file's: not compared letter by letter.
const MAX_NAME: usize = 255;

impl<'a> Candidates<'a> {
    /// `paths`: each existing path and whether only `--drafts` builds it.
    pub fn new(paths: impl IntoIterator<Item = (&'a str, bool)>) -> Candidates<'a> {
        let mut items: Vec<Candidate> = paths
            .into_iter()
            .map(|(path, drafts_only)| Candidate {
                path,
                drafts_only,
                parts: Parts::of(path),
            })
            .collect();
        items.sort_by(|a, b| a.path.cmp(b.path));
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, item) in items.iter().enumerate() {
            by_name.entry(item.parts.name.clone()).or_default().push(i);
        }
        Candidates {
            items,
            by_name,
            budget: FUZZY_BUDGET,
        }
    }

    /// The candidate `wanted` (a path that does not exist) most likely
    /// meant, if any is close enough; `drafts`: whether the link is on a
    /// draft page, which may name pages only `--drafts` builds.
    pub fn nearest(&mut self, wanted: &str, drafts: bool) -> Option<&'a str> {
        let wanted = Parts::of(wanted);
        let usable = |c: &Candidate| drafts || !c.drafts_only;
        let fuzzy = self.budget > 0 && wanted.chars.len() <= MAX_NAME;
        let shared_name =
            |c: &Candidate| self.by_name.get(&c.parts.name).is_some_and(|n| n.len() > 1);
        let ranked = |c: &Candidate<'a>| Some((rank(&wanted, &c.parts, shared_name(c))?, c.path));
        let best = if fuzzy {
            self.budget -= 1;
            self.items
                .iter()
                .filter(|c| usable(c))
                .filter_map(ranked)
                .min()
        } else {
            let same_name = self.by_name.get(&wanted.name).into_iter().flatten();
            same_name
                .map(|&i| &self.items[i])
                .filter(|c| usable(c))
                .filter_map(ranked)
                .min()
        };
        best.map(|(_, path)| path)
    }
}

impl<'a> Parts<'a> {
    fn of(path: &'a str) -> Parts<'a> {
        let trimmed = path.trim_end_matches('/');
        let (folder, name) = trimmed.rsplit_once('/').unwrap_or(("", trimmed));
        let stem = match name.rsplit_once('.') {
            Some((stem, _)) if !stem.is_empty() => stem,
            _ => name,
        };
        let digits = stem.len() - stem.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let prefix =
            (digits > 0 && stem[digits..].starts_with(['-', '_'])).then(|| &stem[..digits]);
        let name = name.to_lowercase();
        Parts {
            folders: folder.split('/').filter(|f| !f.is_empty()).collect(),
            chars: name.chars().take(MAX_NAME + 1).collect(),
            name,
            words: stem
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 4 && !w.chars().all(|c| c.is_ascii_digit()))
                .map(str::to_lowercase)
                .collect(),
            prefix,
        }
    }
}

/// The rank of `candidate` for `wanted` (lower is nearer), or `None` when
/// its name is not close enough to suggest. `shared_name`: other
/// candidates have the candidate's name too (`_index.md`,
/// `sessions.ics`), so the name alone tells nothing: unless the candidate
/// is in a folder above the link's, the folders that differ must be close
/// instead (`pairs/ana-and-boo/` for `pairs/ana-and-bo/`, never any other
/// pair's).
fn rank(wanted: &Parts, candidate: &Parts, shared_name: bool) -> Option<(u8, usize, usize, usize)> {
    let common = wanted
        .folders
        .iter()
        .zip(&candidate.folders)
        .take_while(|(a, b)| a == b)
        .count();
    let folder_distance = wanted.folders.len() + candidate.folders.len() - 2 * common;
    let same_prefix =
        folder_distance == 0 && wanted.prefix.is_some() && wanted.prefix == candidate.prefix;
    let (tier, shared, distance) = if wanted.name != candidate.name {
        let shared = shared_words(&wanted.words, &candidate.words) + usize::from(same_prefix);
        let (tier, distance) = closeness(&wanted.chars, &candidate.chars, shared)?;
        (tier, shared, distance)
    } else if shared_name && common < candidate.folders.len() {
        // Not in a folder above the link's (`a/b/faq/` for `a/b/c/faq/`):
        // the last folders, from the end, where the two paths part.
        let same_tail = wanted
            .folders
            .iter()
            .rev()
            .zip(candidate.folders.iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        let mine = wanted.folders.len().checked_sub(same_tail + 1)?;
        let theirs = candidate.folders.len().checked_sub(same_tail + 1)?;
        let (a, b) = (
            Parts::of(wanted.folders[mine]),
            Parts::of(candidate.folders[theirs]),
        );
        let shared = shared_words(&a.words, &b.words);
        let (_, distance) = closeness(&a.chars, &b.chars, shared)?;
        (0, shared, distance)
    } else {
        (0, 0, 0)
    };
    Some((tier, folder_distance, usize::MAX - shared, distance))
}

fn shared_words(a: &[String], b: &[String]) -> usize {
    a.iter().filter(|w| b.contains(w)).count()
}

/// How close two different names are: (1, edits) a typo away, as every
/// "did you mean" judges it (`crate::suggest`); (2, _) sharing words (or a
/// prefix) only; `None` when not close.
fn closeness(a: &[char], b: &[char], shared: usize) -> Option<(u8, usize)> {
    if a.len() > MAX_NAME || b.len() > MAX_NAME {
        return (shared > 0).then_some((2, usize::MAX));
    }
    match edits_if_near(a, b) {
        Some(d) => Some((1, d)),
        None if shared > 0 => Some((2, usize::MAX)),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nearest(wanted: &str, paths: &[&'static str]) -> Option<&'static str> {
        Candidates::new(paths.iter().map(|p| (*p, false))).nearest(wanted, false)
    }

    const LAUNCH: &[&str] = &[
        "content/launch/_index.md",
        "content/launch/01-define-goals.md",
        "content/launch/02-recruit-and-pair.md",
        "content/launch/03-review.md",
        "content/about/faq.md",
        "content/goals.md",
    ];

    #[test]
    fn a_renamed_step_is_found_by_its_number_and_words() {
        assert_eq!(
            nearest("content/launch/02-pair-people.md", LAUNCH),
            Some("content/launch/02-recruit-and-pair.md")
        );
        // A typo beats a shared word.
        assert_eq!(
            nearest("content/launch/01-define-goal.md", LAUNCH),
            Some("content/launch/01-define-goals.md")
        );
        // Nothing in common: no suggestion rather than a wrong one.
        assert_eq!(nearest("content/launch/09-celebrate.md", LAUNCH), None);
    }

    #[test]
    fn the_number_counts_only_in_the_same_folder() {
        let paths = &[
            "content/sessions/02-digital-tools.md",
            "content/launch/01-a.md",
        ];
        assert_eq!(nearest("content/launch/02-pair-people.md", paths), None);
    }

    #[test]
    fn a_link_from_the_wrong_folder_finds_the_same_name() {
        let site = &[
            "",
            "people/",
            "progress/",
            "about/",
            "about/faq/",
            "about/pitfalls/",
            "static/img/team.png",
            "static/style.css",
            "progress.csv",
        ];
        assert_eq!(nearest("about/faq/peoples/", site), Some("people/"));
        assert_eq!(nearest("about/faq/people/", site), Some("people/"));
        assert_eq!(nearest("peoplex/", site), Some("people/"));
        assert_eq!(
            nearest("about/img/team.png", site),
            Some("static/img/team.png")
        );
        assert_eq!(nearest("progres.csv", site), Some("progress.csv"));
        assert_eq!(nearest("about/faqs/", site), Some("about/faq/"));
        assert_eq!(nearest("about/img/logo.png", site), None);
    }

    #[test]
    fn a_name_many_paths_share_is_told_apart_by_its_folders() {
        let site = &[
            "pairs/ana-and-bo/sessions.ics",
            "pairs/cy-and-di/sessions.ics",
            "content/launch/_index.md",
            "content/sessions/_index.md",
        ];
        assert_eq!(
            nearest("pairs/ana-and-boo/sessions.ics", site),
            Some("pairs/ana-and-bo/sessions.ics")
        );
        assert_eq!(nearest("pairs/eve-and-fu/sessions.ics", site), None);
        assert_eq!(nearest("sessions.ics", site), None);
        assert_eq!(
            nearest("content/lanch/_index.md", site),
            Some("content/launch/_index.md")
        );
        assert_eq!(nearest("content/about/_index.md", site), None);
    }

    #[test]
    fn the_nearest_folder_wins_among_equal_names() {
        let site = &["a/b/faq/", "a/faq/", "c/d/e/faq/"];
        assert_eq!(nearest("a/b/c/faq/", site), Some("a/b/faq/"));
        // Which of three? None is nearer than another.
        assert_eq!(nearest("faq/", site), None);
    }

    #[test]
    fn drafts_are_suggested_only_from_drafts() {
        let mut candidates = Candidates::new([("people/", true), ("peoples-old/", false)]);
        assert_eq!(candidates.nearest("peoplex/", false), None);
        assert_eq!(candidates.nearest("peoplex/", true), Some("people/"));
    }

    #[test]
    fn past_the_budget_only_same_names_are_suggested() {
        let mut candidates = Candidates::new([("people/", false)]);
        for _ in 0..FUZZY_BUDGET {
            assert_eq!(candidates.nearest("peoplex/", false), Some("people/"));
        }
        assert_eq!(candidates.nearest("peoplex/", false), None);
        assert_eq!(candidates.nearest("a/people/", false), Some("people/"));
    }
}
