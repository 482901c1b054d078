//! Helpers shared by the integration tests: copying fixture sites and
//! listing what a build wrote.

#![allow(dead_code)] // each test file uses its own share of these

use std::path::{Path, PathBuf};

/// Every file under `dir`, sorted.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("read dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Copies a fixture site (or any folder) to `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    for file in files_under(from) {
        let target = to.join(file.strip_prefix(from).expect("prefix"));
        std::fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
        std::fs::copy(&file, &target).expect("copy");
    }
}

/// Runs the mentorbook binary. SOURCE_DATE_EPOCH is cleared so that only
/// the arguments decide the date a build is made for.
pub fn mentorbook(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_mentorbook"))
        .args(args)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("run mentorbook")
}

/// `mentorbook build SITE --out OUT --as-of DATE [extra...]`, which must
/// succeed.
pub fn build_ok(site: &Path, out: &Path, as_of: &str, extra: &[&str]) {
    let mut args = vec![
        "build",
        site.to_str().expect("utf8"),
        "--out",
        out.to_str().expect("utf8"),
        "--as-of",
        as_of,
    ];
    args.extend(extra);
    let output = mentorbook(&args);
    assert!(
        output.status.success(),
        "building {} failed: {}",
        site.display(),
        String::from_utf8_lossy(&output.stderr)
    );
}
