//! Declared people: the entries of a roster's `people:` and the YAML data
//! files under `data/` (`data/people.yaml`).

use crate::diagnostic::{Code, Diagnostic};
use crate::model::Person;
use crate::source::fields::{Ctx, Fields};
use crate::source::load::SourceFile;
use crate::yaml::{Node, Value};

/// One declared person; `None` when it has no id (reported).
pub(super) fn read_person(node: &Node, ctx: &mut Ctx) -> Option<Person> {
    let mut f = Fields::new(node, "person", ctx)?;
    let id = f.required_string("id", ctx);
    let present = id.is_some();
    let name = f.required_string("name", ctx);
    let person = Person {
        id: id.as_ref().map(|i| i.value.clone()).unwrap_or_default(),
        name: name.map(|n| n.value).unwrap_or_default(),
        role: f.text("role", ctx),
        team: f.text("team", ctx),
        email: f.text("email", ctx),
        reports_to: f.string("reports_to", ctx),
        span: id.map_or_else(|| ctx.span(node.pos), |i| i.span),
    };
    f.finish(ctx, &|_| None);
    // `id: ""` is kept, for check to report; a missing id was reported.
    present.then_some(person)
}

/// `data/people.yaml` (or any YAML file in `data/` holding a list of
/// people, or a mapping with a `people:` list).
pub(super) fn read_data_file(
    file: &SourceFile,
    people: &mut Vec<Person>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let node = match crate::yaml::parse(&file.text, 1) {
        Ok(node) => node,
        Err(err) => {
            diagnostics.push(err.diagnostic(&file.path, "this data file"));
            return;
        }
    };
    let mut ctx = Ctx {
        file: &file.path,
        diagnostics,
    };
    for item in people_of(&node, &mut ctx) {
        people.extend(read_person(item, &mut ctx));
    }
}

/// The entries of a data file: the file's list, or its `people:` list.
fn people_of<'n>(node: &'n Node, ctx: &mut Ctx) -> &'n [Node] {
    match &node.value {
        Value::Seq(items) => items,
        Value::Map(_) => {
            let Some(mut f) = Fields::new(node, "data file", ctx) else {
                return &[];
            };
            let items = f.list("people", ctx);
            f.finish(ctx, &|_| None);
            items
        }
        Value::Null => &[],
        other => {
            ctx.push(
                Diagnostic::error(
                    Code::WrongType,
                    ctx.span_of(node),
                    format!(
                        "a data file must hold a list of people, found {}",
                        other.type_name()
                    ),
                )
                .with_hint("write one `- id: ...` entry per person"),
            );
            &[]
        }
    }
}
