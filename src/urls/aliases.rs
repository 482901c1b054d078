//! What an `aliases:` entry may be (an old address of a page or pair, where
//! a redirect page is written) and the address it names. Both `check`
//! (collisions) and `render` (the redirect files) use the address made
//! here, so an alias is validated once, where it is read.

use super::{is_windows_device, output_path_problem, pair_url};

/// The address `raw` names, as a page's address is spelt (`launch/04-pair/`):
/// a site-relative path, with or without a leading `/`, naming a folder
/// (`launch/04-pair/`), its `index.html`, or the old Markdown file
/// (`launch/04-pair.md`, `launch/_index.md`). For a pair, a bare name is
/// an old id (`ana-bo` is `pairs/ana-bo/`). `Err` says what is wrong: a
/// scheme, query or fragment, `..`, `\`, an empty or device name, or a
/// file name the redirect could not stand at (`faq.html`).
pub fn alias_address(raw: &str, pair: bool) -> Result<String, String> {
    let text = raw.trim();
    if text.is_empty() {
        return Err("it is empty".into());
    }
    if let Some(bad) = text.chars().find(|c| c.is_control()) {
        return Err(format!(
            "it contains the character U+{:04X}",
            u32::from(bad)
        ));
    }
    for (c, why) in [
        (
            ':',
            "a scheme or drive (`https:`, `C:`): an alias is a path of this site",
        ),
        ('?', "a query (`?`): a file on disk has none"),
        ('#', "a fragment (`#`): a redirect stands for a whole page"),
        (
            '%',
            "`%`: write the path as its folders are named, not URL-encoded",
        ),
        ('\\', "`\\`: folders are separated by `/`"),
    ] {
        if text.contains(c) {
            return Err(format!("it has {why}"));
        }
    }
    let path = text.trim_start_matches('/');
    if path.is_empty() {
        return Err("it is the home page, which is always a page".into());
    }
    if pair && !path.contains('/') && !path.contains('.') {
        return checked(pair_url("", path));
    }
    let folder = if path.ends_with('/') {
        path.to_string()
    } else if let Some(stem) = path.strip_suffix("index.html") {
        stem.to_string()
    } else if let Some(stem) = path.strip_suffix(".md") {
        match stem.strip_suffix("_index") {
            Some(folder) => folder.to_string(),
            None => format!("{stem}/"),
        }
    } else if path
        .rsplit('/')
        .next()
        .is_some_and(|name| name.contains('.'))
    {
        return Err(
            "it names a file: a redirect is written as a folder's `index.html`, so name the folder (`old/`) or the old `.md` file"
                .into(),
        );
    } else {
        format!("{path}/")
    };
    if folder.is_empty() {
        return Err("it is the home page, which is always a page".into());
    }
    checked(folder)
}

/// `folder` as an output folder: plain names inside the site, none a
/// device name Windows refuses.
fn checked(folder: String) -> Result<String, String> {
    if let Some(problem) = output_path_problem(&format!("{folder}index.html")) {
        return Err(problem.to_string());
    }
    if let Some(name) = folder.split('/').find(|name| is_windows_device(name)) {
        return Err(format!(
            "`{name}` names a device on Windows, where no folder may be called that"
        ));
    }
    Ok(folder)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_paths_in_any_spelling_name_one_address() {
        for raw in [
            "launch/04-pair-people/",
            "launch/04-pair-people",
            "/launch/04-pair-people/",
            "launch/04-pair-people.md",
            "launch/04-pair-people/index.html",
            "launch/04-pair-people/_index.md",
            " launch/04-pair-people/ ",
        ] {
            assert_eq!(
                alias_address(raw, false).as_deref(),
                Ok("launch/04-pair-people/"),
                "{raw}"
            );
        }
        assert_eq!(
            alias_address("ana-bo", true).as_deref(),
            Ok("pairs/ana-bo/")
        );
        assert_eq!(alias_address("ana-bo", false).as_deref(), Ok("ana-bo/"));
        assert_eq!(
            alias_address("cohorts/old/ana.md", true).as_deref(),
            Ok("cohorts/old/ana/")
        );
        assert_eq!(
            alias_address("v1.2/notes/", false).as_deref(),
            Ok("v1.2/notes/")
        );
    }

    #[test]
    fn anything_but_a_plain_path_of_this_site_is_refused() {
        for (raw, why) in [
            ("", "empty"),
            ("/", "home page"),
            ("index.html", "home page"),
            ("_index.md", "home page"),
            ("https://example.com/x/", "scheme"),
            ("javascript:alert(1)", "scheme"),
            ("C:/x/", "scheme"),
            ("x/?a=1", "query"),
            ("x/#top", "fragment"),
            ("old%20page/", "URL-encoded"),
            ("../x/", "`..`"),
            ("a/../../x", "`..`"),
            ("a/./b/", "`.`"),
            ("a//b/", "empty folder name"),
            ("a\\b", "`\\`"),
            ("a\nb", "U+000A"),
            ("faq.html", "names a file"),
            ("con/", "device"),
            ("nul", "device"),
        ] {
            let problem = alias_address(raw, false).err().unwrap_or_default();
            assert!(problem.contains(why), "{raw:?}: {problem}");
        }
        assert!(alias_address("..", true).is_err());
        assert!(alias_address("con", true).is_err());
    }
}
