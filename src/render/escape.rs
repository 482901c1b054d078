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
    replace(input, |b| match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        b'\'' => Some("&#x27;"),
        _ => None,
    })
}

/// Text and attribute values in the HTML made from Markdown.
pub fn markdown(input: &str) -> String {
    replace(input, |b| match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        b'\'' => Some("&#39;"),
        _ => None,
    })
}

/// `input` with each byte `entity` names replaced. Only ASCII bytes are
/// replaced, so every cut falls between characters.
fn replace(input: &str, entity: impl Fn(u8) -> Option<&'static str>) -> String {
    let mut out = String::with_capacity(input.len() + input.len() / 8);
    let mut start = 0;
    for (i, &byte) in input.as_bytes().iter().enumerate() {
        if let Some(replacement) = entity(byte) {
            out.push_str(&input[start..i]);
            out.push_str(replacement);
            start = i + 1;
        }
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
