//! Parses the theme's templates into Tera, reusing the previous parse when
//! no template changed (parsing is the costly part of a small rebuild).

use crate::diagnostic::{Code, Diagnostic, Span};
use crate::i18n::Messages;
use crate::source::theme::{TemplateSource, ThemeFiles};
use std::hash::{Hash, Hasher};
use std::sync::Arc;
use tera::Tera;

/// The templates and assets a site is rendered with: the default theme's,
/// overridden by the site's own `templates/` and `static/` files.
#[derive(Debug, Clone)]
pub struct Theme {
    pub tera: Arc<Tera>,
    /// Shared: a partial rebuild keeps the theme of the render before it.
    pub assets: Arc<Vec<(String, Vec<u8>)>>,
    /// A hash of every template and asset, to tell whether a rebuild may
    /// reuse parsed templates and keep the assets it already serves.
    pub fingerprint: u64,
    templates_only: u64,
    /// Which of the shared frame's partials a template prints.
    pub frame: Frame,
}

/// Whether any template prints `frame_header`, `frame_footer` or
/// `breadcrumb_items` (`super::chrome`): only then is the partial behind it
/// rendered. A site's own `base.html` written before these partials
/// existed prints none of them, and its copy of a partial of that name,
/// made for its own pages, would not render with the frame's context.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Frame {
    pub header: bool,
    pub footer: bool,
    pub breadcrumbs: bool,
}

impl Frame {
    pub const HEADER: &'static str = "frame_header";
    pub const FOOTER: &'static str = "frame_footer";
    pub const BREADCRUMBS: &'static str = "breadcrumb_items";

    /// A name is printed when some other template's text has it: a
    /// comment naming it only makes the partial render for nothing.
    fn of(templates: &[TemplateSource]) -> Frame {
        let printed = |name: &str, partial: &str| {
            templates
                .iter()
                .any(|t| t.name != partial && t.text.contains(name))
        };
        Frame {
            header: printed(Frame::HEADER, "frame-header.html"),
            footer: printed(Frame::FOOTER, "frame-footer.html"),
            breadcrumbs: printed(Frame::BREADCRUMBS, "frame-breadcrumbs.html"),
        }
    }
}

/// Parses the templates of `files` unless they are those of `previous`;
/// their `t()`, `date` and `number` speak `messages`.
pub fn compile(
    files: ThemeFiles,
    messages: &Messages,
    previous: Option<&Theme>,
) -> Result<Theme, Vec<Diagnostic>> {
    let ThemeFiles { templates, assets } = files;
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    templates.hash(&mut hasher);
    // The parse holds the messages its functions speak.
    messages.fingerprint().hash(&mut hasher);
    let templates_only = hasher.finish();
    assets.hash(&mut hasher);
    let fingerprint = hasher.finish();
    let frame = Frame::of(&templates);
    let tera = match previous {
        Some(theme) if theme.templates_only == templates_only => Arc::clone(&theme.tera),
        _ => Arc::new(parse(&templates, messages)?),
    };
    Ok(Theme {
        tera,
        assets: Arc::new(assets),
        fingerprint,
        templates_only,
        frame,
    })
}

fn parse(sources: &[TemplateSource], messages: &Messages) -> Result<Tera, Vec<Diagnostic>> {
    let mut diagnostics = Vec::new();
    let mut tera = Tera::default();
    // Before the templates: Tera checks at parse time that filters exist.
    crate::i18n::templates::register(&mut tera, messages);
    let all: Vec<(&str, &str)> = sources
        .iter()
        .map(|s| (s.name.as_str(), s.text.as_str()))
        .collect();
    if let Err(err) = tera.add_raw_templates(all) {
        // Parsing is the costly part of a small build, so templates are
        // parsed once; only on failure, again one by one to name the file.
        for source in sources {
            if let Err(err) = tera::Template::new(&source.name, None, &source.text) {
                diagnostics.push(template_error(&source.path, &err));
            }
        }
        if diagnostics.is_empty() {
            diagnostics.push(template_error("templates", &err));
        }
        return Err(diagnostics);
    }
    tera.autoescape_on(vec![".html"]);
    tera.set_escape_fn(super::escape::tera);
    Ok(tera)
}

/// A Tera error with every cause it wraps: Tera's own message is often
/// only "Failed to render", the reason is in its sources.
pub(super) fn error_chain(err: &tera::Error) -> String {
    use std::error::Error as _;
    let mut message = err.to_string();
    let mut source = err.source();
    while let Some(inner) = source {
        message.push_str(": ");
        message.push_str(&inner.to_string());
        source = inner.source();
    }
    message
}

fn template_error(path: &str, err: &tera::Error) -> Diagnostic {
    let message = error_chain(err);
    // Tera's parse errors carry ` --> line:col`; point there.
    let (line, col) = message
        .split("--> ")
        .nth(1)
        .and_then(|rest| {
            let mut parts = rest
                .split(|c: char| !c.is_ascii_digit())
                .filter(|s| !s.is_empty());
            Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
        })
        .unwrap_or((1, 1));
    let first_line = message.lines().next().unwrap_or("").to_string();
    let details: Vec<&str> = message
        .lines()
        .skip(1)
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let diagnostic = Diagnostic::error(
        Code::Template,
        Span::new(path, line, col),
        format!("template error: {}", first_line.trim()),
    );
    if details.is_empty() {
        diagnostic
    } else {
        diagnostic.with_hint(details.join(" "))
    }
}
