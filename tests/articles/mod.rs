//! The dev articles the tests read: `tests/data/articles/*.txt`, part of the repository, so a
//! clone alone passes the tests (`$WHOSAID_DATA/articles` instead when that is set, the same
//! layout). Where the shared data set sits beside the repository (`../shared/data/articles`),
//! articles found only there are added: it may bring more, it is never required.

// Each test crate that includes this module uses part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The directory with `articles/` and `pages/`: `$WHOSAID_DATA` or `tests/data`.
pub fn data_dir() -> PathBuf {
    match std::env::var_os("WHOSAID_DATA") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data"),
    }
}

/// `(file name, text)` of every `.txt` in `dir`, sorted by name; nothing if `dir` is absent.
fn read_txt(dir: &Path) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let text =
                std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p.file_name().unwrap().to_string_lossy().into_owned(), text)
        })
        .collect();
    out.sort();
    out
}

/// The dev articles, `(file name, text)`, sorted by name. Panics if there are none: they are
/// part of the repository.
pub fn dev_articles() -> Vec<(String, String)> {
    let dir = data_dir().join("articles");
    let mut out = read_txt(&dir);
    assert!(
        !out.is_empty(),
        "no articles in {} (they are part of the repository)",
        dir.display()
    );
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/articles");
    for (name, text) in read_txt(&shared) {
        if !out.iter().any(|(n, _)| *n == name) {
            out.push((name, text));
        }
    }
    out.sort();
    out
}
