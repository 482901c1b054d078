//! Files whose front matter could not be read, as `crate::model::Failed`:
//! what each was meant to be, and, once the pairs are assembled, what
//! depends on it, told on its own error ("fix this first: 9 pairs use this
//! session template"). References to it are not reported again (`merge`
//! here, `check` for session templates and pair pages), so one mistake
//! gives one error, at the file that holds it.

use crate::diagnostic::{Code, Diagnostic, Span};
use crate::model::{Failed, Kind, Page, PersonRef, Playbook};
use crate::source::load::SourceFile;
use crate::suggest::did_you_mean;
use std::collections::{HashMap, HashSet};

/// The kind a `kind:` word was meant to be: itself if known, else the
/// nearest known kind, if any is near.
pub(super) fn meant_kind(word: &str) -> Option<&'static str> {
    Kind::NAMES
        .iter()
        .copied()
        .find(|k| *k == word)
        .or_else(|| did_you_mean(word, Kind::NAMES))
}

/// Why a file's front matter could not be read.
pub(super) enum Why {
    /// Not valid YAML, or not closed: what it holds is guessed from its lines.
    Syntax,
    /// A `kind:` no reader knows, with the kind nearest to it.
    UnknownKind(Option<&'static str>),
}

/// A failed file as read on its own: the model's entry (its page index
/// set when assembled) and where its error is among the file's problems.
#[derive(Clone)]
pub(super) struct FailedRead {
    pub(super) entry: Failed,
    pub(super) cause: Option<usize>,
}

pub(super) fn failed_read(
    file: &SourceFile,
    page: &Page,
    why: &Why,
    diagnostics: &[Diagnostic],
) -> FailedRead {
    let lines = front_matter_lines(&file.text);
    let (kind, id, cause) = match why {
        Why::Syntax => {
            // No `kind:` line: a plain page, which nothing names by id.
            let kind = top_level(&lines, "kind").map_or(Some("page"), |w| meant_kind(&w));
            let id = top_level(&lines, "id").unwrap_or_else(|| page.id.clone());
            // The front matter's own error is the file's first.
            (kind, id, (!diagnostics.is_empty()).then_some(0))
        }
        Why::UnknownKind(near) => {
            let cause = diagnostics.iter().position(|d| d.code == Code::UnknownKind);
            (*near, page.id.clone(), cause)
        }
    };
    let mut words: HashSet<String> = lines.iter().flat_map(|l| id_words(l)).collect();
    words.insert(id.clone());
    FailedRead {
        entry: Failed {
            page: 0,
            kind,
            id,
            words,
        },
        cause,
    }
}

/// The lines between the opening `---` and the closing one (or the end of
/// the file, when the front matter is not closed).
fn front_matter_lines(text: &str) -> Vec<&str> {
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return Vec::new();
    }
    lines.take_while(|l| l.trim_end() != "---").collect()
}

/// The value of a `key:` line at the left margin, as a person would read
/// it: the first word after the colon, without quotes.
fn top_level(lines: &[&str], key: &str) -> Option<String> {
    lines.iter().find_map(|line| {
        let rest = line.strip_prefix(key)?.strip_prefix(':')?;
        let value = rest.trim().trim_matches(|c| c == '"' || c == '\'');
        let word = value.split_whitespace().next()?;
        Some(word.to_string())
    })
}

/// The words of a line that could be ids: runs of letters, digits, `-`
/// and `_`.
fn id_words(line: &str) -> impl Iterator<Item = String> + '_ {
    line.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
}

/// What depends on each failed file (by its index in `Failures`), as the
/// pairs are assembled.
#[derive(Default)]
pub(super) struct Uses {
    pair_files: HashMap<usize, Vec<String>>,
    csv_rows: HashMap<usize, Vec<Span>>,
    /// Pairs of `data/pairs.csv` left out with the roster they name, so
    /// that their pair files are told on that roster's error as well.
    csv_pairs: HashMap<String, usize>,
}

impl Uses {
    pub(super) fn pair_file(&mut self, failed: usize, file: &str) {
        self.pair_files
            .entry(failed)
            .or_default()
            .push(file.to_string());
    }

    pub(super) fn csv_row(&mut self, failed: usize, row: &Span, pair: Option<&str>) {
        self.csv_rows.entry(failed).or_default().push(row.clone());
        if let Some(pair) = pair {
            self.csv_pairs.entry(pair.to_string()).or_insert(failed);
        }
    }

    /// The failed roster that a pair of `data/pairs.csv` was left out with.
    pub(super) fn csv_pair(&self, pair: &str) -> Option<usize> {
        self.csv_pairs.get(pair).copied()
    }
}

/// Adds to each failed file's error what depends on it. `causes[i]` is
/// where the error of `playbook.failed`'s file `i` is in `diagnostics`.
pub(super) fn tell(
    playbook: &Playbook,
    uses: &Uses,
    causes: &[Option<usize>],
    diagnostics: &mut [Diagnostic],
) {
    if causes.is_empty() {
        // No file failed to read: nothing to tell, and the uses below walk
        // every pair and session (6 ms of a roster edit at 5,000 pairs).
        return;
    }
    let sessions = template_uses(playbook);
    let pages = pair_pages(playbook);
    let people = people_uses(playbook);
    for (at, cause) in causes.iter().enumerate() {
        let mut parts = Vec::new();
        if let Some((pairs, count)) = sessions.get(&at) {
            parts.push(format!(
                "{}{} {} this session template, in {}",
                counted(pairs.len(), "pair", "pairs"),
                some_of(pairs),
                if pairs.len() == 1 { "uses" } else { "use" },
                counted(*count, "session", "sessions"),
            ));
        }
        if let Some(files) = uses.pair_files.get(&at) {
            parts.push(format!(
                "{}{} {} to pairs this roster lists",
                counted(files.len(), "pair file", "pair files"),
                some_of(files),
                if files.len() == 1 {
                    "belongs"
                } else {
                    "belong"
                },
            ));
        }
        if let Some(rows) = uses.csv_rows.get(&at) {
            parts.push(format!(
                "{} of {} {} this roster",
                counted(rows.len(), "row", "rows"),
                rows[0].file,
                if rows.len() == 1 { "names" } else { "name" },
            ));
        }
        if let Some(pairs) = people.get(&at) {
            parts.push(format!(
                "{}{} {} people it may declare",
                counted(pairs.len(), "pair", "pairs"),
                some_of(pairs),
                if pairs.len() == 1 { "names" } else { "name" },
            ));
        }
        if let Some((pair, roster)) = pages.get(&at) {
            parts.push(format!(
                "this is the file of pair `{pair}`, which {roster} lists"
            ));
        }
        let (Some(cause), false) = (cause, parts.is_empty()) else {
            continue;
        };
        if let Some(diagnostic) = diagnostics.get_mut(*cause) {
            fold_into(diagnostic, &parts.join("; "));
        }
    }
}

/// Per failed session template: the pairs that name it (in order, once
/// each) and how many sessions do.
fn template_uses(playbook: &Playbook) -> HashMap<usize, (Vec<String>, usize)> {
    let templates: HashSet<&str> = playbook
        .pages
        .iter()
        .filter(|p| matches!(p.kind, Kind::Session(_)))
        .map(|p| p.id.as_str())
        .collect();
    let mut uses: HashMap<usize, (Vec<String>, usize)> = HashMap::new();
    for pair in &playbook.pairs {
        for session in &pair.sessions {
            let Some(template) = &session.template else {
                continue;
            };
            if templates.contains(template.value.as_str()) {
                continue;
            }
            let Some(at) = playbook.failed.named("session", &template.value) else {
                continue;
            };
            let (pairs, count) = uses.entry(at).or_default();
            *count += 1;
            if pairs.last() != Some(&pair.id.value) {
                pairs.push(pair.id.value.clone());
            }
        }
    }
    uses
}

/// Per failed roster: the pairs of other rosters naming people that no
/// file declares but it may (`check` leaves them unreported).
fn people_uses(playbook: &Playbook) -> HashMap<usize, Vec<String>> {
    let declared: HashSet<&str> = playbook.people.iter().map(|p| p.id.as_str()).collect();
    let mut uses: HashMap<usize, Vec<String>> = HashMap::new();
    for pair in &playbook.pairs {
        for person in [&pair.mentor, &pair.mentee] {
            let Some(PersonRef::Id(id)) = person else {
                continue;
            };
            if declared.contains(id.value.as_str()) {
                continue;
            }
            if let Some(at) = playbook.failed.holding("roster", &id.value) {
                let pairs = uses.entry(at).or_default();
                if pairs.last() != Some(&pair.id.value) {
                    pairs.push(pair.id.value.clone());
                }
            }
        }
    }
    uses
}

/// Per failed file that may be a pair's file: the pair whose generated
/// page would be written where the file is, and its roster's file.
fn pair_pages(playbook: &Playbook) -> HashMap<usize, (String, String)> {
    let mut at_url: HashMap<&str, usize> = HashMap::new();
    for (at, failed) in playbook.failed.files().iter().enumerate() {
        if playbook.failed.page("pair", failed.page) == Some(at) {
            at_url.insert(playbook.pages[failed.page].url.as_str(), at);
        }
    }
    let mut pages = HashMap::new();
    for pair in playbook.pairs.iter().filter(|p| p.page.is_none()) {
        if let Some(&at) = at_url.get(playbook.pair_url(pair.program, &pair.id.value).as_str()) {
            pages.entry(at).or_insert_with(|| {
                let roster = &playbook.pages[pair.roster].file;
                (pair.id.value.clone(), roster.clone())
            });
        }
    }
    pages
}

fn fold_into(diagnostic: &mut Diagnostic, uses: &str) {
    diagnostic.hint = Some(match diagnostic.hint.take() {
        // After "did you mean `session`?", a new sentence.
        Some(hint) if hint.ends_with('?') => format!("{hint} Fix this first: {uses}"),
        Some(hint) => format!("{hint}; fix this first: {uses}"),
        None => format!("fix this first: {uses}"),
    });
}

fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// ` (`a`, `b`, `c` and 4 more)`: the first few names of a list.
fn some_of(names: &[String]) -> String {
    const SHOWN: usize = 3;
    let shown: Vec<String> = names.iter().take(SHOWN).map(|n| format!("`{n}`")).collect();
    let more = names.len().saturating_sub(SHOWN);
    let more = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    format!(" ({}{more})", shown.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_front_matter_still_says_what_it_was_meant_to_be() {
        let text = "\u{feff}---\ntitle: Shadowing\nkind:\t'session'\nagenda:\n\t- x\n  id: nested\n---\nid: body\n";
        let lines = front_matter_lines(text);
        assert_eq!(lines.len(), 5);
        assert_eq!(top_level(&lines, "kind").as_deref(), Some("session"));
        // Only a line at the left margin is the page's own `id:`.
        assert_eq!(top_level(&lines, "id"), None);
        let unclosed = front_matter_lines("---\nkind: roster\npairs:\n  - id: ana-and-bo\n");
        assert_eq!(top_level(&unclosed, "kind").as_deref(), Some("roster"));
        let words: HashSet<String> = unclosed.iter().flat_map(|l| id_words(l)).collect();
        assert!(words.contains("ana-and-bo"), "{words:?}");
        assert!(front_matter_lines("# No front matter\nkind: x\n").is_empty());
    }

    #[test]
    fn a_kind_word_means_itself_or_the_nearest_kind() {
        assert_eq!(meant_kind("roster"), Some("roster"));
        assert_eq!(meant_kind("sesion"), Some("session"));
        assert_eq!(meant_kind("blog"), None);
    }

    #[test]
    fn the_uses_join_the_hint_as_a_sentence() {
        let with = |hint: Option<&str>| {
            let mut d = Diagnostic::error(Code::UnknownKind, Span::file("content/a.md"), "x");
            d.hint = hint.map(str::to_string);
            fold_into(&mut d, "2 pairs use this");
            d.hint.unwrap_or_default()
        };
        assert_eq!(
            with(Some("did you mean `session`?")),
            "did you mean `session`? Fix this first: 2 pairs use this"
        );
        assert_eq!(
            with(Some("check the indentation")),
            "check the indentation; fix this first: 2 pairs use this"
        );
        assert_eq!(with(None), "fix this first: 2 pairs use this");
    }

    #[test]
    fn long_lists_show_their_first_names() {
        let names = |n: usize| (1..=n).map(|i| format!("p{i}")).collect::<Vec<_>>();
        assert_eq!(some_of(&names(1)), " (`p1`)");
        assert_eq!(some_of(&names(3)), " (`p1`, `p2`, `p3`)");
        assert_eq!(some_of(&names(5)), " (`p1`, `p2`, `p3` and 2 more)");
    }
}
