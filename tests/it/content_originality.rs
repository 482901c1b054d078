//! The default playbook, the Polish example and the two-program example take facts from the source
//! articles in ../shared/seeds, never their sentences: no run of ten words in
//! their content/ or snippets/ may appear in a seed.

use crate::support::{files_under, read, repo};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

const RUN: usize = 10;

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('\'', ""))
        .collect()
}

fn runs(words: &[String]) -> HashSet<String> {
    words.windows(RUN).map(|w| w.join(" ")).collect()
}

/// The files under `dir` whose name ends in `.ext`.
fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    files_under(dir)
        .into_iter()
        .filter(|path| path.extension().is_some_and(|e| e == ext))
        .collect()
}

#[test]
fn no_sentence_of_the_default_playbook_is_copied_from_the_seeds() {
    let repo = repo();
    let seeds_dir = ["../shared/seeds", "../../shared/seeds"]
        .iter()
        .map(|p| repo.join(p))
        .find(|p| p.is_dir())
        .expect("the seed articles in ../shared/seeds (CI clones the repository beside shared/)");
    let mut seed_runs = HashSet::new();
    for seed in files(&seeds_dir, "txt") {
        seed_runs.extend(runs(&words(&read(&seed))));
    }
    assert!(seed_runs.len() > 1000, "the seeds were read");
    let mut copied = Vec::new();
    let polish = repo.join("examples/odwrocony-mentoring");
    let two_programs = repo.join("examples/two-programs");
    let pages = [&repo, &polish, &two_programs]
        .into_iter()
        .flat_map(|site| [site.join("content"), site.join("snippets")])
        .filter(|dir| dir.is_dir())
        .flat_map(|dir| files(&dir, "md"));
    for page in pages {
        let text = read(&page);
        for run in runs(&words(&text)) {
            if seed_runs.contains(&run) {
                copied.push(format!("{}: \"{run}\"", page.display()));
            }
        }
    }
    assert!(
        copied.is_empty(),
        "copied from the seeds:\n{}",
        copied.join("\n")
    );
}
