//! Which page of the head is a page of the base under another file name.
//! Only pages whose file is in one version alone are candidates; a removed
//! and an added page are the same page when they share, in this order of
//! trust: their kind and `id:` (written in both, or the program and pair a pair
//! page belongs to), else their kind and title, else their kind and body text
//! (after the front matter, not empty). A key shared by more than one
//! candidate on either side pairs nothing, so a rename is never a guess.

use crate::model::{Kind, Page, Playbook};
use std::collections::{BTreeMap, BTreeSet};

/// Head file -> the base file it was renamed from.
pub fn renames(base: &Playbook, head: &Playbook) -> BTreeMap<String, String> {
    let (old_files, new_files) = (files(base), files(head));
    let mut removed: Vec<&Page> = (base.pages.iter())
        .filter(|p| !new_files.contains(p.file.as_str()))
        .collect();
    let mut added: Vec<&Page> = (head.pages.iter())
        .filter(|p| !old_files.contains(p.file.as_str()))
        .collect();
    let mut renamed = BTreeMap::new();
    let keys: [Key; 3] = [id_key, title_key, body_key];
    for key in keys {
        let sides = [(base, &mut removed), (head, &mut added)];
        pair_by(sides, key, &mut renamed);
    }
    renamed
}

fn files(playbook: &Playbook) -> BTreeSet<&str> {
    playbook.pages.iter().map(|p| p.file.as_str()).collect()
}

/// A page's key in one version of the playbook.
type Key = fn(&Playbook, &Page) -> Option<String>;

fn id_key(playbook: &Playbook, page: &Page) -> Option<String> {
    match &page.kind {
        // Pair ids are unique within a program only: two programs' pairs
        // `pair-one` are different pairs.
        Kind::Pair(pair) => {
            let program = page.program.map_or("", |p| playbook.program_id(p));
            Some(format!("pair\0{program}\0{pair}"))
        }
        kind => page
            .id_span
            .is_some()
            .then(|| format!("{}\0{}", kind.name(), page.id)),
    }
}

fn title_key(_: &Playbook, page: &Page) -> Option<String> {
    let title = page.title.trim();
    (!title.is_empty()).then(|| format!("{}\0{title}", page.kind.name()))
}

fn body_key(_: &Playbook, page: &Page) -> Option<String> {
    let body = page.body.trim();
    (!body.is_empty()).then(|| format!("{}\0{body}", page.kind.name()))
}

/// How many candidates on each side have a key, and where the last is.
#[derive(Default)]
struct Holders {
    removed: usize,
    removed_at: usize,
    added: usize,
    added_at: usize,
}

/// Pairs the removed and added pages whose `key` is theirs alone on both
/// sides, and takes them out of the candidates.
fn pair_by(
    [(base, removed), (head, added)]: [(&Playbook, &mut Vec<&Page>); 2],
    key: Key,
    renamed: &mut BTreeMap<String, String>,
) {
    let mut holders: BTreeMap<String, Holders> = BTreeMap::new();
    for (i, page) in removed.iter().enumerate() {
        if let Some(k) = key(base, page) {
            let h = holders.entry(k).or_default();
            h.removed += 1;
            h.removed_at = i;
        }
    }
    for (i, page) in added.iter().enumerate() {
        if let Some(h) = key(head, page).and_then(|k| holders.get_mut(&k)) {
            h.added += 1;
            h.added_at = i;
        }
    }
    let (mut gone, mut found) = (BTreeSet::new(), BTreeSet::new());
    for h in holders.values().filter(|h| h.removed == 1 && h.added == 1) {
        renamed.insert(
            added[h.added_at].file.clone(),
            removed[h.removed_at].file.clone(),
        );
        gone.insert(h.removed_at);
        found.insert(h.added_at);
    }
    *removed = keep_unpaired(removed, &gone);
    *added = keep_unpaired(added, &found);
}

fn keep_unpaired<'a>(pages: &[&'a Page], paired: &BTreeSet<usize>) -> Vec<&'a Page> {
    (pages.iter().enumerate())
        .filter(|(i, _)| !paired.contains(i))
        .map(|(_, page)| *page)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::load::{SourceFile, Sources};

    /// A playbook of these content files (path, text).
    fn playbook(files: &[(&str, &str)]) -> Playbook {
        let mut content: Vec<SourceFile> = files
            .iter()
            .map(|(path, text)| SourceFile {
                path: format!("content/{path}"),
                text: (*text).into(),
            })
            .collect();
        content.sort_by(|a, b| a.path.cmp(&b.path));
        crate::model::read(&Sources {
            content,
            ..Sources::default()
        })
        .0
    }

    fn pairs(renamed: &BTreeMap<String, String>) -> Vec<(&str, &str)> {
        renamed
            .iter()
            .map(|(to, from)| (from.as_str(), to.as_str()))
            .collect()
    }

    #[test]
    fn a_page_is_followed_by_its_id_then_title_then_body() {
        let base = playbook(&[
            ("a.md", "---\ntitle: A\nid: kept\n---\none\n"),
            ("b.md", "---\ntitle: B\n---\ntwo\n"),
            ("c.md", "---\ntitle: C\n---\nthree\n"),
            ("same.md", "---\ntitle: Same\n---\n"),
        ]);
        let head = playbook(&[
            ("x.md", "---\ntitle: A renamed\nid: kept\n---\nnew\n"),
            ("y.md", "---\ntitle: B\n---\nnew text\n"),
            ("z.md", "---\ntitle: C retitled\n---\nthree\n"),
            ("same.md", "---\ntitle: Same\n---\n"),
        ]);
        assert_eq!(
            pairs(&renames(&base, &head)),
            [
                ("content/a.md", "content/x.md"),
                ("content/b.md", "content/y.md"),
                ("content/c.md", "content/z.md"),
            ]
        );
    }

    #[test]
    fn a_key_shared_by_two_pages_pairs_none_and_kinds_must_match() {
        let base = playbook(&[
            ("a.md", "---\ntitle: Twin\n---\nsame\n"),
            ("b.md", "---\ntitle: Twin\n---\nsame\n"),
            ("s.md", "---\ntitle: Kick-off\nkind: step\n---\n"),
        ]);
        let head = playbook(&[
            ("c.md", "---\ntitle: Twin\n---\nsame\n"),
            ("d.md", "---\ntitle: Twin\n---\nsame\n"),
            ("p.md", "---\ntitle: Kick-off\n---\n"),
        ]);
        assert_eq!(pairs(&renames(&base, &head)), []);
    }
}
