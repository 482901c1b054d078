//! `kind: surveys` pages: each survey's questions, scale and rounds (the
//! answers are read later, from `data/surveys/`, by `model::survey`).

use crate::diagnostic::{Code, Diagnostic};
use crate::model::survey::{Aggregate, Question, RESERVED_COLUMNS, Role, Round, Scale, Survey};
use crate::source::fields::{Ctx, Fields, OneOf, Spanned, bad_value};

const AGGREGATE: OneOf<Aggregate> = OneOf {
    field: "a question's `aggregate`",
    values: Aggregate::WORDS,
    hint: "use `mean` (the default), `agree` (share answering the top two values) or `nps` (Net Promoter Score, on a 0-10 scale)",
};

const GOAL_GROUP: OneOf<Role> = OneOf {
    field: "a question's `goal_group`",
    values: &[
        ("all", Role::All),
        ("mentors", Role::Mentors),
        ("mentees", Role::Mentees),
    ],
    hint: "use `all` (the default), `mentors` or `mentees`",
};

pub(super) fn read_surveys(f: &mut Fields, ctx: &mut Ctx) -> Vec<Survey> {
    let mut surveys = Vec::new();
    for item in f.list("surveys", ctx) {
        let Some(mut s) = Fields::new(item, "survey", ctx) else {
            continue;
        };
        let id = s.required_string("id", ctx);
        let title = s.required_string("title", ctx);
        let scale = scale(&mut s, ctx).unwrap_or(Scale::LIKERT);
        let mut questions: Vec<Question> = Vec::new();
        for q in s.list("questions", ctx) {
            let Some(question) = read_question(q, scale, ctx) else {
                continue;
            };
            if questions.iter().any(|other| other.id == question.id) {
                ctx.push(duplicate("question", &question.id, question.span.clone()));
                continue;
            }
            questions.push(question);
        }
        let mut rounds: Vec<Round> = Vec::new();
        for r in s.list("rounds", ctx) {
            let Some((round, span)) = read_round(r, ctx) else {
                continue;
            };
            if rounds.iter().any(|other| other.id == round.id) {
                ctx.push(duplicate("round", &round.id, span));
                continue;
            }
            rounds.push(round);
        }
        s.finish(ctx, &|_| None);
        let span = id
            .as_ref()
            .map_or_else(|| ctx.span(item.pos), |i| i.span.clone());
        surveys.push(Survey {
            id: id.map(|i| i.value).unwrap_or_default(),
            title: title.map(|t| t.value).unwrap_or_default(),
            questions,
            rounds,
            span,
        });
    }
    surveys
}

fn duplicate(what: &str, id: &str, span: crate::diagnostic::Span) -> Diagnostic {
    Diagnostic::error(
        Code::DuplicateId,
        span,
        format!("this survey has two {what}s `{id}`"),
    )
    .with_hint(format!("give each {what} its own id"))
}

fn scale(f: &mut Fields, ctx: &mut Ctx) -> Option<Scale> {
    let text = f.string("scale", ctx)?;
    let scale = Scale::parse(&text.value);
    if scale.is_none() {
        ctx.push(bad_value(
            text.span,
            "`scale`",
            &format!("`{}`", text.value),
            "write the lowest and highest answer, e.g. `1-5` or `0-10`",
        ));
    }
    scale
}

fn read_question(item: &crate::yaml::Node, default: Scale, ctx: &mut Ctx) -> Option<Question> {
    let mut q = Fields::new(item, "question", ctx)?;
    let id = q.required_string("id", ctx);
    let text = q.required_string("text", ctx);
    let scale = scale(&mut q, ctx).unwrap_or(default);
    let aggregate = q.one_of("aggregate", &AGGREGATE, ctx);
    let goal = q.string("goal", ctx);
    let goal_group = q.one_of("goal_group", &GOAL_GROUP, ctx);
    q.finish(ctx, &|_| None);
    if let Some(a) = &aggregate
        && a.value == Aggregate::Nps
        && (scale.low, scale.high) != (0, 10)
    {
        ctx.push(
            Diagnostic::error(
                Code::BadValue,
                a.span.clone(),
                format!(
                    "`nps` needs answers from 0 to 10, and this question's scale is {}",
                    scale.label()
                ),
            )
            .with_hint("give the question `scale: 0-10`, or use `mean` or `agree`"),
        );
    }
    let id = id?;
    let lowered = id.value.to_lowercase();
    if RESERVED_COLUMNS.contains(&lowered.as_str()) {
        ctx.push(
            Diagnostic::error(
                Code::BadId,
                id.span.clone(),
                format!("a question cannot be called `{}`: answers files use that column for something else", id.value),
            )
            .with_hint("name the question after what it asks, e.g. `confidence`"),
        );
        return None;
    }
    Some(Question {
        span: id.span.clone(),
        id: id.value,
        text: text.map(|t| t.value).unwrap_or_default(),
        scale,
        aggregate: aggregate.map_or(Aggregate::Mean, |a| a.value),
        goal: goal.filter(|g| !g.value.is_empty()),
        goal_group: goal_group.map_or(Role::All, |g| g.value),
    })
}

fn read_round(item: &crate::yaml::Node, ctx: &mut Ctx) -> Option<(Round, crate::diagnostic::Span)> {
    let mut r = Fields::new(item, "round", ctx)?;
    let id = r.required_string("id", ctx);
    let title = r.text("title", ctx);
    let file: Option<Spanned<String>> = r.string("file", ctx).filter(|f| !f.value.is_empty());
    let date = r.date("date", ctx).map(|d| d.value);
    r.finish(ctx, &|_| None);
    let id = id?;
    let title = if title.is_empty() {
        id.value.clone()
    } else {
        title
    };
    Some((Round::new(id.value, title, file, date), id.span))
}
