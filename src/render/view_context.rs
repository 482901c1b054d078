//! A page's view as Tera's context, built field by field:
//! `Context::from_serialize` made a map of the view first and then copied
//! it into the context's own, each field inserted twice (about 1% of a
//! build's instructions).

use super::views::PageView;
use serde::Serialize;

impl<K: Serialize> PageView<'_, K> {
    /// What `tera::Context::from_serialize(self)` gives, for less.
    pub(super) fn context(&self) -> tera::Result<tera::Context> {
        // Every field by name and no `..`: a field added to the view does
        // not compile here until it is given to templates too.
        let PageView {
            site,
            root,
            canonical,
            edit_url,
            updated,
            updated_label,
            title,
            description,
            kind,
            draft,
            content,
            toc,
            sidebar,
            breadcrumbs,
            prev,
            next,
            home,
            of_kind,
            section,
        } = self;
        let mut context = tera::Context::new();
        context.try_insert("site", site)?;
        context.try_insert("root", root)?;
        context.try_insert("canonical", canonical)?;
        context.try_insert("edit_url", edit_url)?;
        context.try_insert("updated", updated)?;
        context.try_insert("updated_label", updated_label)?;
        context.try_insert("title", title)?;
        context.try_insert("description", description)?;
        context.try_insert("kind", kind)?;
        context.try_insert("draft", draft)?;
        context.try_insert("content", content)?;
        context.try_insert("toc", toc)?;
        context.try_insert("sidebar", sidebar)?;
        context.try_insert("breadcrumbs", breadcrumbs)?;
        context.try_insert("prev", prev)?;
        context.try_insert("next", next)?;
        context.try_insert("home", home)?;
        // Flattened, as `#[serde(flatten)]` puts it: under the kind's name,
        // and before `section`, which wins a name both have, as it did
        // when the view was serialised whole (the later field wins).
        if let Some(of_kind) = of_kind {
            context.extend(tera::Context::from_serialize(of_kind)?);
        }
        context.try_insert("section", section)?;
        Ok(context)
    }
}

#[cfg(test)]
mod tests {
    use super::super::views::{Link, NoKind, SiteInfo};
    use super::*;

    #[derive(Serialize)]
    struct Kind {
        guide: Vec<u32>,
    }

    fn site() -> SiteInfo {
        SiteInfo {
            title: "T".into(),
            description: String::new(),
            organisation: "O".into(),
            language: "pl".into(),
            as_of: "2026-12-02".into(),
            as_of_label: "2 grudnia 2026".into(),
            search_messages: "{}".into(),
        }
    }

    fn view<K: Serialize>(site: &SiteInfo, of_kind: Option<K>) -> PageView<'_, K> {
        let link = |t: &str| Link {
            title: t.into(),
            href: format!("../{t}/"),
        };
        PageView {
            site,
            root: "../".into(),
            canonical: Some("https://x/a/".into()),
            edit_url: None,
            updated: Some("2026-03-05".into()),
            updated_label: None,
            title: "A <b>".into(),
            description: "d".into(),
            kind: "guide",
            draft: true,
            content: "<p>x</p>".into(),
            toc: Vec::new(),
            sidebar: "<ul></ul>".into(),
            breadcrumbs: vec![link("home"), link("s")],
            prev: Some(link("p")),
            next: None,
            home: None,
            of_kind,
            section: None,
        }
    }

    #[test]
    fn templates_get_the_view_as_serde_gives_it() {
        let site = site();
        let with_kind = view(&site, Some(Kind { guide: vec![1, 2] }));
        let expected = tera::Context::from_serialize(&with_kind).expect("serialise");
        assert_eq!(with_kind.context().expect("context"), expected);
        assert!(expected.contains_key("guide"));
        let plain = view::<NoKind>(&site, None);
        let expected = tera::Context::from_serialize(&plain).expect("serialise");
        assert_eq!(plain.context().expect("context"), expected);
    }
}
