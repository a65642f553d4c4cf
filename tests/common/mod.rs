//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use tempfile::TempDir;

/// The repository's examples folder.
pub fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

/// A copy of an example article in a fresh temporary folder, so tests never write
/// sidecars into the repository.
pub fn copy_example(name: &str) -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join(name);
    std::fs::copy(examples().join(name), &path).expect("copy example");
    (dir, path)
}

/// An article with the given text in a fresh temporary folder.
pub fn article(name: &str, text: &str) -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write article");
    (dir, path)
}

/// The sidecar beside an article.
pub fn sidecar_of(article: &Path) -> PathBuf {
    let mut name = article.file_name().unwrap().to_os_string();
    name.push(".sidenote.toml");
    article.with_file_name(name)
}
