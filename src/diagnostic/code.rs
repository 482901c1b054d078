//! Every rule `check` (and `build`, `match`) can report, in one enum: the
//! name a contributor, a CI annotation and a test see is `as_str`, spelt
//! once here.

use serde::{Serialize, Serializer};
use std::fmt;

/// A rule a diagnostic breaks. The kebab-case name (`as_str`) is stable:
/// CI annotations, GitLab fingerprints and scripts reading the JSON key on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code {
    /// Front matter (or a YAML file) that is not valid YAML, or front matter
    /// not closed by `---`.
    YamlSyntax,
    /// A key no reader asked for (`descriptoin: …`), or a field that belongs
    /// to another kind of page (`due` on a plain page).
    UnknownField,
    /// A value of the wrong type: `weight: heavy`.
    WrongType,
    /// A value that is not one of the words the field allows: `status: later`.
    BadValue,
    /// Text that is no calendar date: `due: 2026-02-30`.
    BadDate,
    /// Text that is no 24-hour time of day: `time: 25:00`, `time: 2pm`.
    BadTime,
    /// A `timezone` in `playbook.yaml` that the IANA time zone database
    /// does not name: `timezone: Europe/Warsw`.
    BadTimezone,
    /// Sessions with a `time` while `playbook.yaml` names no `timezone`
    /// (a warning: calendars get floating times), or a time that the
    /// zone's clock change skips on that day.
    SessionTimezone,
    /// A number too large (or too small) to mean anything here:
    /// `target: 1e999`, `minutes: 5000000000`.
    OutOfRange,
    /// A required field left out: a page without `title`, a goal without
    /// `target`, a pair without `mentor`.
    MissingField,
    /// Two things of one kind with one id: two pairs `ana-bo`.
    DuplicateId,
    /// An id that is not a plain slug (`../x`, `Ana Bo`): ids become folder
    /// names, anchors and URLs.
    BadId,
    /// A key written twice in one mapping.
    DuplicateKey,
    /// Two pages written to one URL (`faq.md` and `faq/_index.md`), or a page
    /// at a path mentorbook generates (`progress/`).
    DuplicateUrl,
    /// A person id that names nobody: `mentee: boo`.
    UnknownPerson,
    /// A session template id that names none: `template: kikoff`.
    UnknownTemplate,
    /// A pair file whose id no roster lists.
    UnknownPair,
    /// A `kind:` mentorbook does not know.
    UnknownKind,
    /// A row of `data/pairs.csv` naming no roster.
    UnknownRoster,
    /// A CSV file in `data/` that mentorbook does not read.
    UnknownData,
    /// An end before its start: a roster that ends before it starts.
    DatesBackwards,
    /// A session dated before its pair's start.
    SessionBeforeStart,
    /// Mentor and mentee in one reporting line through `reports_to`, either
    /// way, within `rules.reporting_line`'s depth (its severity is
    /// configurable; a pair's reasoned exception makes it a note), or an
    /// exception without a reason.
    ReportingLine,
    /// `reports_to` going round in a circle.
    ReportingLoop,
    /// A person in more active pairs than `rules.max_pairs_per_person`.
    TooManyPairs,
    /// A pair whose mentor is also its mentee.
    SamePerson,
    /// A link to a Markdown file that is no page.
    BrokenLink,
    /// A link to an anchor that is none of the target's headings.
    BrokenAnchor,
    /// A session template whose agenda does not add up to its `duration`
    /// (a warning).
    AgendaDuration,
    /// A field set both in a roster entry and in the pair's own file (a
    /// warning).
    PairOverridden,
    /// A session logged twice: the same date and template (a warning; it
    /// counts once).
    DuplicateSession,
    /// A session still `planned` though its date has passed, as of the
    /// date checked for (a warning: was it held?).
    SessionNotUpdated,
    /// A session dated after its pair's end (a warning).
    SessionAfterEnd,
    /// A pair past its end date that is not marked `completed` or
    /// `withdrawn`, as of the date checked for (a warning).
    PairEnded,
    /// A file that is not UTF-8.
    Encoding,
    /// A file that cannot be read (no permission), a symlink loop, or a
    /// device or FIFO where a file should be.
    Unreadable,
    /// Output that cannot be written.
    Unwritable,
    /// A CSV file that does not parse: a stray quote.
    CsvSyntax,
    /// A template that does not parse or render, named with its file.
    Template,
    /// A message catalogue override (`i18n/<locale>.ftl`) that is not
    /// valid Fluent.
    MessageSyntax,
    /// An override of a message id the theme's catalogue does not have.
    UnknownMessage,
    /// A message varying by count without a variant for each plural
    /// category the locale needs (Polish: one, few, many), a warning.
    MissingPlural,
    /// A message override file whose locale is neither the site's
    /// language, its base language, nor English (a warning: unused).
    UnusedMessages,
    /// A link whose real path leaves the folder it is in (`content/`,
    /// `data/`, `templates/`, `static/`): skipped, never read or published.
    OutsideSite,
    /// A `kind: guide` page that is not a section's `_index.md`.
    GuideNotIndex,
    /// A roster in a `*-draft.md` file (the name of `match`'s proposals)
    /// without `draft: true`, so published (a warning).
    UnmarkedDraft,
    /// A page whose HTML (Markdown and raw HTML together) nests deeper than
    /// `source::html::MAX_DEPTH` elements.
    HtmlTooDeep,
    /// An `aliases:` entry that is no plain path of this site (`../x`,
    /// `https://...`, `x?y`), or a confidential pair's alias, which is not
    /// written (a warning).
    BadAlias,
    /// A link to an alias's address: it works, through a redirect; a
    /// warning, with the page's own address as the hint.
    LinkToAlias,
    /// `<!-- include: x.md -->` naming no file of `snippets/`.
    UnknownSnippet,
    /// Snippets including each other round in a circle.
    IncludeLoop,
    /// An include path leaving `snippets/` (`../x.md`, `/x.md`), or
    /// includes nested deeper than `source::include::MAX_DEPTH`.
    BadInclude,
    /// A survey question that a round's answers file has no column for
    /// (a warning: the question counts as unanswered in that round).
    MissingQuestion,
    /// One person answering one survey round twice.
    DuplicateRespondent,
    /// A survey question feeding a goal no `kind: goals` page defines.
    UnknownGoal,
    /// In a site with `programs:`, a roster, pair file or goals page
    /// outside every program's folder.
    OutsideProgram,
}

impl Code {
    /// The stable, kebab-case name of the rule.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::YamlSyntax => "yaml-syntax",
            Code::UnknownField => "unknown-field",
            Code::WrongType => "wrong-type",
            Code::BadValue => "bad-value",
            Code::BadDate => "bad-date",
            Code::BadTime => "bad-time",
            Code::BadTimezone => "bad-timezone",
            Code::SessionTimezone => "session-timezone",
            Code::OutOfRange => "out-of-range",
            Code::MissingField => "missing-field",
            Code::DuplicateId => "duplicate-id",
            Code::BadId => "bad-id",
            Code::DuplicateKey => "duplicate-key",
            Code::DuplicateUrl => "duplicate-url",
            Code::UnknownPerson => "unknown-person",
            Code::UnknownTemplate => "unknown-template",
            Code::UnknownPair => "unknown-pair",
            Code::UnknownKind => "unknown-kind",
            Code::UnknownRoster => "unknown-roster",
            Code::UnknownData => "unknown-data",
            Code::DatesBackwards => "dates-backwards",
            Code::SessionBeforeStart => "session-before-start",
            Code::ReportingLine => "reporting-line",
            Code::ReportingLoop => "reporting-loop",
            Code::TooManyPairs => "too-many-pairs",
            Code::SamePerson => "same-person",
            Code::BrokenLink => "broken-link",
            Code::BrokenAnchor => "broken-anchor",
            Code::AgendaDuration => "agenda-duration",
            Code::PairOverridden => "pair-overridden",
            Code::DuplicateSession => "duplicate-session",
            Code::SessionNotUpdated => "session-not-updated",
            Code::SessionAfterEnd => "session-after-end",
            Code::PairEnded => "pair-ended",
            Code::Encoding => "encoding",
            Code::Unreadable => "unreadable",
            Code::Unwritable => "unwritable",
            Code::CsvSyntax => "csv-syntax",
            Code::Template => "template",
            Code::MessageSyntax => "message-syntax",
            Code::UnknownMessage => "unknown-message",
            Code::MissingPlural => "missing-plural",
            Code::UnusedMessages => "unused-messages",
            Code::OutsideSite => "outside-site",
            Code::GuideNotIndex => "guide-not-index",
            Code::UnmarkedDraft => "unmarked-draft",
            Code::HtmlTooDeep => "html-too-deep",
            Code::BadAlias => "bad-alias",
            Code::LinkToAlias => "link-to-alias",
            Code::UnknownSnippet => "unknown-snippet",
            Code::IncludeLoop => "include-loop",
            Code::BadInclude => "bad-include",
            Code::MissingQuestion => "missing-question",
            Code::DuplicateRespondent => "duplicate-respondent",
            Code::UnknownGoal => "unknown-goal",
            Code::OutsideProgram => "outside-program",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Tests (and tools) name a rule by its string: `assert_eq!(d.code, "bad-value")`.
impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_prints_serialises_and_compares_as_its_name() {
        assert_eq!(Code::BadValue.to_string(), "bad-value");
        assert_eq!(
            serde_json::to_string(&Code::SessionBeforeStart).expect("json"),
            "\"session-before-start\""
        );
        assert_eq!(Code::YamlSyntax, "yaml-syntax");
        assert!(Code::Template != "templates");
    }
}
