//! HTML escaping for templates and Markdown, copying the runs between
//! special characters whole: Tera's own `escape_html` pushes every
//! character one by one, and escaping the values of every page (the search
//! box's words alone are a kilobyte of JSON on each) was a tenth of a
//! build's instructions.

/// What Tera escapes in `{{ }}` (`tera::escape_html`), for
/// `Tera::set_escape_fn`, except `/`: it ends nothing in text or in a
/// quoted attribute (values are always quoted here), and written as
/// `&#x2F;` it was 5 more bytes for each slash of every link of every
/// page (`..&#x2F;..&#x2F;static/style.css`).
pub fn tera(input: &str) -> String {
    replace(input, "&#x27;")
}

/// Text and attribute values in the HTML made from Markdown.
pub fn markdown(input: &str) -> String {
    replace(input, "&#39;")
}

/// Which of `& < > " '` a byte is (1 to 5), 0 for every other byte: one
/// load a byte instead of five compares, for the dozens of values each
/// page escapes.
const SPECIAL: [u8; 256] = {
    let mut table = [0; 256];
    table[b'&' as usize] = 1;
    table[b'<' as usize] = 2;
    table[b'>' as usize] = 3;
    table[b'"' as usize] = 4;
    table[b'\'' as usize] = 5;
    table
};

/// `input` with `& < > "` replaced by their named references and `'` by
/// `apostrophe`. Only ASCII bytes are replaced, so every cut falls between
/// characters.
fn replace(input: &str, apostrophe: &'static str) -> String {
    let mut out = String::with_capacity(input.len() + input.len() / 8);
    let mut start = 0;
    for (i, &byte) in input.as_bytes().iter().enumerate() {
        let replacement = match SPECIAL[byte as usize] {
            0 => continue,
            1 => "&amp;",
            2 => "&lt;",
            3 => "&gt;",
            4 => "&quot;",
            _ => apostrophe,
        };
        out.push_str(&input[start..i]);
        out.push_str(replacement);
        start = i + 1;
    }
    out.push_str(&input[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLES: &[&str] = &[
        "",
        "plain",
        "<a href=\"x\">Tom & Jerry's</a>",
        "{\"loading\":\"Ładowanie…\",\"n\":\"{n} wyników\"}",
        "/ // </script> &amp; ' \"",
        "Łódź — żółw ß 日本語 😀<",
        "<",
        "ends with &",
    ];

    #[test]
    fn templates_escape_as_tera_does_but_slashes() {
        for sample in SAMPLES {
            let teras = ::tera::escape_html(sample).replace("&#x2F;", "/");
            assert_eq!(tera(sample), teras, "{sample}");
        }
        assert_eq!(tera("../a/"), "../a/");
    }

    #[test]
    fn markdown_escapes_quotes_as_numeric_references_and_leaves_slashes() {
        assert_eq!(
            markdown("<a href=\"x\">Tom & Jerry's</a>/"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;/"
        );
        assert_eq!(markdown("Łódź 😀"), "Łódź 😀");
    }
}
