//! Compiles every message catalogue of the default theme
//! (`themes/default/i18n/<locale>/<area>.ftl`) into the binary, whatever
//! areas exist: each area has its owner, and a new file needs no list
//! kept beside it.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new("themes/default/i18n");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut files = Vec::new();
    for locale in std::fs::read_dir(dir).expect("themes/default/i18n is readable") {
        let locale = locale.expect("a readable folder entry").path();
        if !locale.is_dir() {
            continue;
        }
        println!("cargo::rerun-if-changed={}", locale.display());
        for file in std::fs::read_dir(&locale).expect("a readable locale folder") {
            let path = file.expect("a readable folder entry").path();
            if path.extension().is_some_and(|e| e == "ftl") {
                println!("cargo::rerun-if-changed={}", path.display());
                files.push(path);
            }
        }
    }
    files.sort();
    let mut out = String::from("&[\n");
    for path in files {
        let locale = path
            .parent()
            .and_then(Path::file_name)
            .expect("a locale folder");
        let name = path.file_name().expect("a file name");
        let absolute = std::fs::canonicalize(&path).expect("a catalogue's path");
        writeln!(
            out,
            "    ({:?}, {:?}, include_str!({:?})),",
            locale.to_string_lossy(),
            name.to_string_lossy(),
            absolute.display().to_string()
        )
        .expect("writing to a string");
    }
    out.push(']');
    let target =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalogues.rs");
    std::fs::write(target, out).expect("OUT_DIR is writable");
}
