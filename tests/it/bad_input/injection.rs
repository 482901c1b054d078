//! Values that would inject lines or formulas into calendars, CSV, URLs or
//! Markdown. Only addresses are refused (playbook.yaml's `base_url` and
//! `edit_url` that are not absolute `http(s)` web addresses); other text is
//! made safe where it is written (tests/it/security/injection.rs).

use super::{Case, case};

fn playbook(text: &str) -> Vec<u8> {
    format!("title: T\n{text}\n").into_bytes()
}

pub(super) fn cases() -> Vec<Case> {
    vec![
        case(
            "base_url javascript:",
            "playbook.yaml",
            playbook("base_url: javascript:alert(1)"),
        ),
        case(
            "edit_url javascript:",
            "playbook.yaml",
            playbook("edit_url: \"javascript:alert(document.domain)//\""),
        ),
        case(
            "edit_url data:",
            "playbook.yaml",
            playbook("edit_url: data:text/html;base64,PHNjcmlwdD4="),
        ),
        case(
            "base_url with a line break",
            "playbook.yaml",
            playbook("base_url: \"https://intranet.example/\\r\\nURL:http://evil.example\""),
        ),
        case(
            "base_url without a host",
            "playbook.yaml",
            playbook("base_url: https:///mentoring/"),
        ),
        case(
            "edit_url relative",
            "playbook.yaml",
            playbook("edit_url: /edit/main/"),
        ),
        case(
            "edit_url with a quote",
            "playbook.yaml",
            playbook("edit_url: 'https://git.example/\" onmouseover=\"alert(1)'"),
        ),
    ]
}
