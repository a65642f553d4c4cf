//! The real binary in a pseudo-terminal, reading a config given with `--config`: its keys
//! and its author are used.

mod common;
#[path = "common/pty.rs"]
mod pty;

use pty::Session;
use sidenote::annotation::Kind;
use sidenote::document::Document;

#[test]
fn a_config_that_rebinds_keys_is_used_by_the_binary() {
    let (dir, article) = common::copy_example("demo.txt");
    let config = dir.path().join("mine.toml");
    std::fs::write(
        &config,
        "author = \"Ingrid Holm\"\n\n[keys.global]\nquit = \"Q\"\n\n[keys.article]\ntag_claim = \"t\"\n",
    )
    .unwrap();
    let mut session = Session::start(
        &["--config", config.to_str().unwrap(), "demo.txt"],
        dir.path(),
    );
    // The status bar offers the new key.
    session.wait_for("t:claim");
    // c and q are free now; t tags the second sentence; Q quits.
    session.send("c j t");
    session.wait_for("1 claim");
    session.send("q");
    session.send("Q");
    assert_eq!(session.wait_exit(), 0);

    let doc = Document::open(&article, None).unwrap();
    let claims: Vec<_> = doc
        .annotations
        .iter()
        .filter(|a| a.kind == Kind::Claim)
        .collect();
    assert_eq!(claims.len(), 1, "c tagged nothing");
    assert_eq!(
        claims[0].range(),
        Some(doc.article.sentences()[1].range.clone())
    );
    assert_eq!(claims[0].author.as_deref(), Some("Ingrid Holm"));
}
