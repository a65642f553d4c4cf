//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod app;
pub mod entities;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use sidenote::entity::EntityKind;

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

/// The export fixture (`tests/fixtures/export/ferry.txt`) with its sidecar, copied into a
/// fresh temporary folder; returns the folder and the article's path.
pub fn copy_ferry() -> (TempDir, PathBuf) {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export");
    let dir = tempfile::tempdir().expect("temporary folder");
    for name in ["ferry.txt", "ferry.txt.sidenote.toml"] {
        std::fs::copy(fixtures.join(name), dir.path().join(name)).expect("copy the fixture");
    }
    let article = dir.path().join("ferry.txt");
    (dir, article)
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

/// A marked mention: byte range in the plain text and its type.
pub type Mention = (usize, usize, EntityKind);

/// The plain text of a marked-up article and its marked mentions.
pub fn parse(marked: &str) -> (String, Vec<Mention>) {
    let mut text = String::with_capacity(marked.len());
    let mut mentions = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find("[[") {
        text.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let close = after.find("]]").expect("every [[ has its ]]");
        let (name, kind) = after[..close].rsplit_once('|').expect("[[name|type]]");
        let kind = match kind {
            "person" => EntityKind::Person,
            "organization" => EntityKind::Organization,
            "place" => EntityKind::Place,
            "other" => EntityKind::Other,
            other => panic!("unknown type {other}"),
        };
        let start = text.len();
        text.push_str(name);
        mentions.push((start, text.len(), kind));
        rest = &after[close + 2..];
    }
    text.push_str(rest);
    (text, mentions)
}

/// Run the real binary in `cwd` and wait for it.
pub fn sidenote(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sidenote"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("run sidenote")
}
