//! The section tree: one section per folder under `content/`, titled by
//! its `_index.md` (or its folder name), with pages and subsections in
//! navigation order (weight, then file-name prefix, then title).

use super::page::split_prefix;
use crate::model::{Playbook, Section};
use crate::text::Collation;
use std::collections::HashMap;

pub(super) fn build_sections(playbook: &mut Playbook) {
    let mut sections = vec![Section {
        path: String::new(),
        title: playbook.config.title.clone(),
        weight: 0,
        prefix: None,
        index: None,
        pages: Vec::new(),
        children: Vec::new(),
        parent: None,
    }];
    let mut by_path: HashMap<String, usize> = HashMap::from([(String::new(), 0)]);
    for page_index in 0..playbook.pages.len() {
        let rel = playbook.pages[page_index]
            .file
            .strip_prefix("content/")
            .unwrap_or("");
        let folder = rel.rsplit_once('/').map_or("", |(f, _)| f);
        let section = section_for(folder, &mut sections, &mut by_path);
        let page = &mut playbook.pages[page_index];
        page.section = section;
        if page.is_index {
            let s = &mut sections[section];
            s.index = Some(page_index);
            s.weight = page.weight;
            if !page.title.is_empty() && section != 0 {
                s.title = page.title.clone();
            }
        } else {
            sections[section].pages.push(page_index);
        }
    }
    sort_sections(playbook, &mut sections);
    playbook.sections = sections;
}

/// Each section's pages and children in navigation order.
fn sort_sections(playbook: &Playbook, sections: &mut [Section]) {
    let pages = &playbook.pages;
    // Titles in the order of the site's alphabet (Ł after L in Polish).
    let collation = Collation::of_language(&playbook.config.language);
    let page_key = |&i: &usize| {
        let p = &pages[i];
        (
            p.weight,
            p.prefix.unwrap_or(u64::MAX),
            collation.key(&p.title),
            p.file.clone(),
        )
    };
    for s in sections.iter_mut() {
        s.pages.sort_by_cached_key(page_key);
    }
    let keys: Vec<_> = sections
        .iter()
        .map(|s| {
            (
                s.weight,
                s.prefix.unwrap_or(u64::MAX),
                collation.key(&s.title),
                s.path.clone(),
            )
        })
        .collect();
    for s in sections.iter_mut() {
        s.children.sort_by_key(|&c| keys[c].clone());
    }
}

fn section_for(
    folder: &str,
    sections: &mut Vec<Section>,
    by_path: &mut HashMap<String, usize>,
) -> usize {
    if let Some(&i) = by_path.get(folder) {
        return i;
    }
    let (parent_path, name) = folder.rsplit_once('/').unwrap_or(("", folder));
    let parent = section_for(parent_path, sections, by_path);
    let (prefix, bare) = split_prefix(name);
    let index = sections.len();
    sections.push(Section {
        path: folder.to_string(),
        title: humanize(bare),
        weight: 0,
        prefix,
        index: None,
        pages: Vec::new(),
        children: Vec::new(),
        parent: Some(parent),
    });
    sections[parent].children.push(index);
    by_path.insert(folder.to_string(), index);
    index
}

/// `launch-guide` -> `Launch guide`.
fn humanize(name: &str) -> String {
    let text = name.replace(['-', '_'], " ");
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_names_read_as_titles() {
        assert_eq!(humanize("launch-guide"), "Launch guide");
    }
}
