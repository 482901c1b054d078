//! Heading and name slugs: `Pairing criteria` -> `pairing-criteria`.

/// Lower-case letters and digits (any script), other runs become one `-`.
pub fn slugify(text: &str) -> String {
    if text.is_ascii() {
        slugify_ascii(text)
    } else {
        slugify_chars(text)
    }
}

/// [`slugify`], a character at a time.
fn slugify_chars(text: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_path_gives_what_the_general_one_gives() {
        for text in [
            "",
            "-",
            "a",
            "--A--b--",
            " Step 2: Pair_people! ",
            "x.Y/z",
            "\t\n",
            "!!!",
        ] {
            assert_eq!(slugify_ascii(text), slugify_chars(text), "{text:?}");
        }
    }
}
