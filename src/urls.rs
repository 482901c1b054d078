//! How the site's addresses and ids are spelt (slugs, anchors, the ids the
//! theme takes for itself), and how a link in Markdown is resolved to a
//! content file. `check` (which links are broken, which URLs are taken)
//! and `render` (which links to rewrite, where generated pages go) both ask
//! here, so the two can never disagree about an address.
//!
//! Addresses are relative to the site root, without a leading slash, and a
//! page's address ends in `/` (it is written to `<url>index.html`).

mod aliases;
mod links;
pub use aliases::alias_address;
pub use links::{LinkTarget, classify_link, relative_link, relative_url};

const PROGRESS: &str = "progress/";
const PEOPLE: &str = "people/";
/// The whole playbook on one page, to print.
const PRINT: &str = "print/";
/// The search index's folder (the theme's search.js loads from it).
pub const SEARCH_DIR: &str = "search/";
/// The theme's and the site's assets.
pub const STATIC_DIR: &str = "static/";
/// The search box's words, written by the build among the assets
/// (`render::search::messages_file`) unless the site has its own.
pub const SEARCH_MESSAGES_FILE: &str = "search-messages.js";
/// What a web server answers missing paths with.
pub const NOT_FOUND: &str = "404.html";
/// The exports, at the site's root.
pub const PROGRESS_CSV: &str = "progress.csv";
pub const GOALS_CSV: &str = "goals.csv";
pub const PROGRESS_JSON: &str = "progress.json";
/// For crawlers, only when `base_url` is set.
pub const SITEMAP: &str = "sitemap.xml";

/// The whole program's calendar, which builds no longer write (it grew
/// with the program: 87 MB at 50,000 pairs); `check` points links to it at
/// a cohort's calendar (`roster_calendar_path`).
pub const FORMER_CALENDAR: &str = "calendar.ics";

/// Output paths the build writes besides pages; content may not take them.
pub const RESERVED_URLS: &[&str] = &[PROGRESS, PEOPLE, PRINT, SEARCH_DIR, STATIC_DIR];

/// The page of pair `id` of program `program` (`""` in a site without
/// programs), whether or not it has a file of its own: `pairs/<id>/`, or
/// `<program>/pairs/<id>/` in a site with programs, where ids are unique
/// only within a program.
pub fn pair_url(program: &str, id: &str) -> String {
    if program.is_empty() {
        format!("pairs/{id}/")
    } else {
        format!("{program}/pairs/{id}/")
    }
}

/// The id of the pair whose folder `path` (an output path) is in.
pub fn pair_of_path(path: &str) -> Option<&str> {
    let rest = path.strip_prefix("pairs/").or_else(|| {
        let (_, rest) = path.split_once('/')?;
        rest.strip_prefix("pairs/")
    })?;
    rest.split('/').next().filter(|id| !id.is_empty())
}

/// Page `k` (from 0) of the pairs of the roster at `roster_url`: the
/// roster's own page, then `<roster>/page/2/`, ...
pub fn roster_page_url(roster_url: &str, k: usize) -> String {
    if k == 0 {
        roster_url.to_string()
    } else {
        paged(&format!("{roster_url}page/"), k)
    }
}

/// The calendar file of the sessions of the cohort whose roster page is at
/// `roster_url`.
pub fn roster_calendar_path(roster_url: &str) -> String {
    format!("{roster_url}sessions.ics")
}

/// The calendar file of the sessions of pair `id` of `program`.
pub fn pair_calendar_path(program: &str, id: &str) -> String {
    format!("{}sessions.ics", pair_url(program, id))
}

/// The dashboard of program `program` (`progress/` for a site without
/// programs, whose one dashboard is the site's).
pub fn program_progress_url(program: &str) -> String {
    if program.is_empty() {
        PROGRESS.to_string()
    } else {
        format!("{program}/{PROGRESS}")
    }
}

/// A program's own pages: its folder's address.
pub fn program_url(program: &str) -> String {
    if program.is_empty() {
        String::new()
    } else {
        format!("{program}/")
    }
}

pub fn progress_url() -> &'static str {
    PROGRESS
}

pub fn people_url() -> &'static str {
    PEOPLE
}

pub fn print_url() -> &'static str {
    PRINT
}

/// Page `k` (from 0) of the pairs needing attention of the dashboard at
/// `progress_url`: `progress/attention/`, `progress/attention/2/`, ...
pub fn attention_url(progress_url: &str, k: usize) -> String {
    paged(&format!("{progress_url}attention/"), k)
}

/// Page `k` (from 0) of a list whose first page is at `first`: the others
/// in numbered folders below it (`2/`, `3/`), which no id can take since
/// they sit in generated folders.
pub fn paged(first: &str, k: usize) -> String {
    if k == 0 {
        first.to_string()
    } else {
        format!("{first}{}/", k + 1)
    }
}

/// Page `k` (from 0) of the people filed under `letter` (`None`: names
/// that start with no letter): `people/initial/a/`, `people/initial/a/2/`,
/// `people/initial/other/`. A person whose id is `initial` keeps their
/// page: their files sit beside these folders, never in them.
pub fn people_initial_url(letter: Option<char>, k: usize) -> String {
    let slug = letter.map_or_else(|| "other".to_string(), |c| slugify(&c.to_string()));
    paged(&format!("{PEOPLE}initial/{slug}/"), k)
}

/// The id of a person's entry on the people page.
pub fn person_anchor(id: &str) -> String {
    format!("person-{}", slugify(id))
}

/// The page of person `id`.
pub fn person_url(id: &str) -> String {
    format!("{PEOPLE}{id}/")
}

/// The calendar file of the sessions of person `id`'s pairs.
pub fn person_calendar_path(id: &str) -> String {
    format!("{}sessions.ics", person_url(id))
}

/// Anchors the templates add to a page of each kind (by the name of its
/// `kind:`, or `progress` and `people` for those pages), so links to them
/// (`sessions/01-kickoff.md#agenda`, `../progress/#launch`) are valid.
pub fn generated_anchors(kind: &str) -> &'static [&'static str] {
    match kind {
        "session" => &["agenda", "prepare", "prompts"],
        "roster" => &["pairs"],
        "guide" => &["checklist", "steps"],
        "goals" => &["goals-table", "chart"],
        "pair" => &["next-meeting", "sessions", "goals"],
        "progress" => &[
            "attention",
            "pairs",
            "launch",
            "goal-metrics",
            "cohort-comparison",
            "to-update",
            "programs",
        ],
        "attention" => &["pairs", "to-update"],
        "people" => &["people"],
        "person" => &["pairs", "person-pairs"],
        _ => &[],
    }
}

/// Lower-case letters and digits (any script), other runs become one `-`.
pub fn slugify(text: &str) -> String {
    if text.is_ascii() {
        return slugify_ascii(text);
    }
    let mut slug = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        "section".to_string()
    } else {
        slug
    }
}

/// [`slugify`] for ASCII text (most headings), a byte at a time: an ASCII
/// character lower-cases to one ASCII character, and is a letter or digit
/// exactly when its byte is alphanumeric. Every heading of a build is
/// slugged twice (for the page and for the checks).
fn slugify_ascii(text: &str) -> String {
    let mut slug = Vec::with_capacity(text.len());
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() {
            slug.push(b.to_ascii_lowercase());
        } else if slug.last().is_some_and(|&last| last != b'-') {
            slug.push(b'-');
        }
    }
    while slug.last() == Some(&b'-') {
        slug.pop();
    }
    match String::from_utf8(slug) {
        Ok(slug) if !slug.is_empty() => slug,
        _ => "section".to_string(),
    }
}

/// The longest id, in characters: an id becomes a folder name
/// (`pairs/<id>/`), and 60 characters of any script stay well under the
/// 255 bytes a file name may take.
pub const ID_MAX_CHARS: usize = 60;

/// What is wrong with `id` as the id of a pair, person, session template,
/// roster or goal, or `None` when it is a plain id. Such ids become folder
/// names (`pairs/<id>/`), anchors (`#goal-<id>`) and parts of URLs, so they
/// may hold only letters of any script that are already lower-case (two
/// ids differing only in case would be one folder on macOS and Windows),
/// digits, `-` and `_`; they may not be empty, start with `-` or `_`, or
/// be longer than `ID_MAX_CHARS`. Whatever `plain_id` makes passes.
pub fn id_problem(id: &str) -> Option<String> {
    let Some(first) = id.chars().next() else {
        return Some("it is empty".into());
    };
    if let Some(bad) = id.chars().find(|&c| !is_id_char(c)) {
        return Some(if bad.is_alphabetic() {
            format!("it has the capital letter `{bad}`")
        } else if bad.is_whitespace() || bad.is_control() {
            format!("it contains the character {}", char_name(bad))
        } else {
            format!("it contains `{bad}`")
        });
    }
    if first == '-' || first == '_' {
        return Some(format!("it starts with `{first}`"));
    }
    if is_windows_device(id) {
        return Some(format!(
            "`{id}` names a device on Windows, where no folder may be called that"
        ));
    }
    let chars = id.chars().count();
    (chars > ID_MAX_CHARS).then(|| {
        format!("it is {chars} characters long, more than the {ID_MAX_CHARS} an id may have")
    })
}

/// `con`, `nul`, `com1`...: Windows refuses files and folders of these
/// names (with any extension), so a site built or checked out there would
/// lose the page.
fn is_windows_device(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name);
    matches!(stem, "con" | "prn" | "aux" | "nul")
        || (stem.len() == 4
            && (stem.starts_with("com") || stem.starts_with("lpt"))
            && stem.ends_with(|c: char| ('1'..='9').contains(&c)))
}

/// A letter that lower-casing leaves as it is, a digit, `-` or `_`.
fn is_id_char(c: char) -> bool {
    c == '-' || c == '_' || (c.is_alphanumeric() && c.to_lowercase().eq(std::iter::once(c)))
}

/// How a character that does not print is named in a message.
fn char_name(c: char) -> String {
    match c {
        ' ' => "space".into(),
        '\t' => "tab".into(),
        '\n' | '\r' => "line break".into(),
        _ => format!("U+{:04X}", u32::from(c)),
    }
}

/// A plain id made from `text` (what a hint suggests for a bad id):
/// `slugify`, cut to `ID_MAX_CHARS`.
pub fn plain_id(text: &str) -> String {
    let slug = slugify(text);
    let mut id: String = slug.chars().take(ID_MAX_CHARS).collect();
    while id.ends_with('-') {
        id.pop();
    }
    if is_windows_device(&id) {
        id.push_str("-1");
    }
    id
}

/// `text` (an id, a path) as a message quotes it: control characters
/// escaped (a line break in an id must not start a new line of CI output)
/// and cut after 120 characters.
pub fn quote(text: &str) -> String {
    const MAX: usize = 120;
    let mut quoted: String = text
        .chars()
        .take(MAX)
        .flat_map(char::escape_debug)
        .collect();
    if text.chars().nth(MAX).is_some() {
        quoted.push('…');
    }
    quoted
}

/// What is wrong with `path` as the path of an output file, or `None`
/// when it is safe. Whatever a caller passes, the writer (and `serve`'s
/// memory) accepts only a relative path of plain `/`-separated names that
/// stays inside the output folder: no leading `/`, drive (`C:`) or `\`, no
/// `.` or `..` name, no empty name, no NUL.
pub fn output_path_problem(path: &str) -> Option<&'static str> {
    if path.is_empty() {
        return Some("it is empty");
    }
    if path.contains('\0') {
        return Some("it contains a NUL byte");
    }
    if path.contains('\\') {
        return Some("it contains `\\`, a folder separator on Windows");
    }
    if path.starts_with('/') {
        return Some("it starts at the root of the disk");
    }
    let drive = path.as_bytes();
    if drive.len() >= 2 && drive[0].is_ascii_alphabetic() && drive[1] == b':' {
        return Some("it starts with a drive");
    }
    for name in path.split('/') {
        match name {
            "" => return Some("it has an empty folder name (`//`, or a `/` at the end)"),
            "." | ".." => return Some("it has a `.` or `..` folder name"),
            _ => {}
        }
    }
    // What the platform itself would make of it, for any rule above missed.
    let plain = std::path::Path::new(path)
        .components()
        .all(|c| matches!(c, std::path::Component::Normal(_)));
    (!plain).then_some("it is not a plain relative path")
}

/// What `path` is to a file system that ignores case or Unicode
/// normalisation (macOS, Windows): two output paths with the same key are
/// one file there, and the second written would replace the first (`GOALS/`
/// and `goals/`, `pairs/ſtep/` and `pairs/step/`, a Hangul syllable and its
/// letters). Decomposed, then each character's capital lower-cased (`ſ`,
/// `ς` and `K` become `s`, `σ` and `k`), then decomposed again.
pub fn same_file_key(path: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    if path.is_ascii() {
        // Nothing to decompose, and no ASCII letter changes case into
        // anything but ASCII: the same key without the Unicode tables
        // (this runs for every file of the site).
        return path.to_ascii_lowercase();
    }
    path.nfd()
        .flat_map(char::to_uppercase)
        .flat_map(char::to_lowercase)
        .nfd()
        .collect()
}

/// Ids the theme's templates (and `serve`'s error overlay) put on pages
/// themselves; headings never take them, so an element id stays unique (a
/// `## Pairs` heading on a roster becomes `#pairs-1`, and `#pairs` stays
/// the pair table), and the sanitiser drops them from content's HTML, since
/// the theme's style and scripts find its own elements by them.
pub const THEME_IDS: &[&str] = &[
    "mentorbook-overlay",
    "to-update",
    "main",
    "sidebar",
    "search-input",
    "search-results",
    "pairs",
    "pairs-heading",
    "goals-table",
    "chart",
    "checklist",
    "steps",
    "launch",
    "goal-metrics",
    "cohort-comparison",
    "people",
    "progress",
    "next-meeting",
    "sessions",
    "topics",
    "goals",
    "notes",
    "agenda",
    "prepare",
    "prompts",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_generated_anchor_is_kept_from_headings() {
        for kind in [
            "page", "goals", "guide", "step", "session", "roster", "pair",
        ] {
            for anchor in generated_anchors(kind) {
                assert!(THEME_IDS.contains(anchor), "{kind}: #{anchor}");
            }
        }
    }

    #[test]
    fn slugs_are_stable_and_readable() {
        assert_eq!(slugify("Pairing criteria"), "pairing-criteria");
        assert_eq!(slugify("  What's next? (Q&A) "), "what-s-next-q-a");
        assert_eq!(slugify("Überblick 2026"), "überblick-2026");
        assert_eq!(slugify("!!!"), "section");
        // The ASCII path gives what the general one gives.
        let general = |text: &str| {
            let mut slug = String::new();
            for c in text.chars().flat_map(char::to_lowercase) {
                if c.is_alphanumeric() {
                    slug.push(c);
                } else if !slug.is_empty() && !slug.ends_with('-') {
                    slug.push('-');
                }
            }
            let slug = slug.trim_end_matches('-').to_string();
            if slug.is_empty() {
                "section".into()
            } else {
                slug
            }
        };
        for text in [
            "",
            "-",
            "a",
            "--A--b--",
            " Step 2: Pair_people! ",
            "x.Y/z",
            "ÄÖ a",
            "\t\n",
        ] {
            assert_eq!(slugify(text), general(text), "{text:?}");
        }
    }

    #[test]
    fn generated_pages_have_fixed_addresses() {
        assert_eq!(pair_url("", "ana-bo"), "pairs/ana-bo/");
        assert_eq!(
            pair_calendar_path("", "ana-bo"),
            "pairs/ana-bo/sessions.ics"
        );
        assert_eq!(
            pair_of_path(&pair_calendar_path("", "ana-bo")),
            Some("ana-bo")
        );
        assert_eq!(pair_of_path(&pair_url("", "ana-bo")), Some("ana-bo"));
        // In a site with programs, ids are unique within a program.
        assert_eq!(pair_url("leaders", "ana-bo"), "leaders/pairs/ana-bo/");
        assert_eq!(pair_of_path("leaders/pairs/ana-bo/"), Some("ana-bo"));
        assert_eq!(program_progress_url("leaders"), "leaders/progress/");
        assert_eq!(program_progress_url(""), "progress/");
        assert_eq!(pair_of_path("pairs/"), None);
        assert_eq!(pair_of_path("people/"), None);
        assert_eq!(progress_url(), "progress/");
        assert_eq!(people_url(), "people/");
        assert_eq!(person_anchor("Ana B"), "person-ana-b");
        assert_eq!(person_url("ana"), "people/ana/");
        assert_eq!(person_calendar_path("ana"), "people/ana/sessions.ics");
        assert!(RESERVED_URLS.contains(&progress_url()));
        assert!(RESERVED_URLS.contains(&people_url()));
    }

    #[test]
    fn paths_one_file_on_macos_or_windows_share_a_key() {
        for (a, b) in [
            ("goals/", "GOALS/"),
            ("pairs/ſtep/", "pairs/step/"),
            ("pairs/λόγος/", "pairs/λόγοσ/"),
            ("pairs/\u{d55c}/", "pairs/\u{1112}\u{1161}\u{11ab}/"),
            ("pairs/caf\u{e9}/", "pairs/cafe\u{301}/"),
        ] {
            assert_eq!(same_file_key(a), same_file_key(b), "{a} {b}");
        }
        assert_ne!(same_file_key("pairs/ana/"), same_file_key("pairs/anna/"));
    }

    #[test]
    fn plain_ids_pass_and_anything_that_could_leave_a_folder_does_not() {
        for id in [
            "ana-bo",
            "2026-pilot",
            "a_b",
            "überblick",
            "наставник",
            "日本",
            "x",
            "console",
            "com",
            "com10",
            "null",
        ] {
            assert_eq!(id_problem(id), None, "{id}");
        }
        for (id, why) in [
            ("", "empty"),
            ("..", "`.`"),
            ("../../../x", "`.`"),
            ("a/b", "`/`"),
            ("a\\b", "`\\`"),
            ("c:x", "`:`"),
            ("a?b", "`?`"),
            ("a#b", "`#`"),
            ("100%", "`%`"),
            ("a b", "space"),
            ("a\nb", "line break"),
            ("a\u{0}b", "U+0000"),
            ("Ana", "capital letter `A`"),
            ("-a", "starts with `-`"),
            ("_a", "starts with `_`"),
            (".a", "`.`"),
            ("con", "device on Windows"),
            ("nul", "device on Windows"),
            ("com1", "device on Windows"),
            ("lpt9", "device on Windows"),
        ] {
            let problem = id_problem(id).unwrap_or_default();
            assert!(problem.contains(why), "{id:?}: {problem}");
        }
        assert!(id_problem(&"a".repeat(ID_MAX_CHARS)).is_none());
        assert!(id_problem(&"a".repeat(ID_MAX_CHARS + 1)).is_some());
    }

    #[test]
    fn the_suggested_id_is_always_plain() {
        for text in [
            "..",
            "../../../x",
            "Ana Bo",
            "ϒ upsilon",
            "İstanbul",
            "ǅemal",
            "a\u{301}",
            "__x__",
            "",
            "CON",
            "Aux",
            &"Long name ".repeat(20),
        ] {
            let id = plain_id(text);
            assert_eq!(id_problem(&id), None, "{text:?} -> {id:?}");
        }
        assert_eq!(plain_id("../../../x"), "x");
        assert_eq!(quote("a\nb"), "a\\nb");
        assert!(quote(&"x".repeat(200)).ends_with('…'));
    }

    #[test]
    fn output_paths_stay_inside_the_output_folder() {
        for path in [
            "index.html",
            "pairs/ana-bo/sessions.ics",
            "static/a b.png",
            "é/x",
        ] {
            assert_eq!(output_path_problem(path), None, "{path}");
        }
        for path in [
            "",
            "../x",
            "pairs/../../x/index.html",
            "./x",
            "a/./b",
            "/etc/passwd",
            "a//b",
            "a/",
            "a\\..\\b",
            "C:x",
            "c:/x",
            "a\0b",
            "..",
        ] {
            assert!(output_path_problem(path).is_some(), "{path:?}");
        }
    }

    #[test]
    fn templates_add_anchors_by_kind() {
        assert_eq!(
            generated_anchors("session"),
            ["agenda", "prepare", "prompts"]
        );
        assert_eq!(
            generated_anchors("pair"),
            ["next-meeting", "sessions", "goals"]
        );
        assert!(generated_anchors("page").is_empty());
        assert!(generated_anchors("step").is_empty());
    }
}
