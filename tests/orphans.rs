//! Orphans in the interface: the status bar says how the annotations were found again,
//! `O` lists the orphans with what the editor wrote on them, and `enter` attaches the
//! chosen one to the selection, saved at once and undoable.

mod common;

use common::app::{open, press, screen};
use sidenote::anchor::Placement;
use sidenote::annotation::Kind;
use sidenote::document::Document;

const BEFORE: &str = "Ferry fares rise\n\nThe ferry company raised fares by 40 percent on Monday. Commuters were not told in advance.\n\nThe mayor said she would ask for a review.\n";
const AFTER: &str = "Ferry fares rise\n\nFares went up sharply this week, commuters say. Commuters were not told in advance.\n\nThe mayor said she would ask for a review.\n";

/// An article whose claim (with a verdict and a note) lost its sentence in an edit.
fn orphaned() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, path) = common::article("ferry.txt", BEFORE);
    let mut doc = Document::open(&path, None).unwrap();
    let words = "The ferry company raised fares by 40 percent on Monday.";
    let at = doc.article.text().find(words).unwrap();
    let id = doc
        .annotations
        .add(&doc.article, Kind::Claim, at..at + words.len());
    doc.annotations.edit(&id, |a| {
        a.verdict = Some("false".into());
        a.note = Some("The company says 14 percent.".into());
    });
    let at = doc.article.text().find("The mayor said").unwrap();
    doc.annotations
        .add(&doc.article, Kind::Source, at..at + "The mayor".len());
    doc.save().unwrap();
    std::fs::write(&path, AFTER).unwrap();
    (dir, path)
}

#[test]
fn opening_a_changed_article_says_how_each_annotation_was_found() {
    let (_dir, path) = orphaned();
    let app = open(&path, 100, 24, "default");
    assert_eq!(
        app.message.as_deref(),
        Some("The article changed: placed 0, moved 1, fuzzy 0, orphaned 1 (O lists them)")
    );
}

#[test]
fn the_orphan_list_shows_the_stored_quote_verdict_and_note() {
    let (_dir, path) = orphaned();
    let mut app = open(&path, 100, 24, "default");
    press(&mut app, "j v e e e O");
    insta::assert_snapshot!(screen(&app).backend());
}

#[test]
fn enter_attaches_the_orphan_to_the_selection_saves_it_and_undo_takes_it_back() {
    let (_dir, path) = orphaned();
    let mut app = open(&path, 100, 24, "default");
    // The cursor's sentence is "Fares went up sharply this week, commuters say."
    press(&mut app, "j v e e e O enter");
    let claim = app.doc.annotations.get("c1").unwrap();
    let Placement::At(range) = &claim.placement else {
        panic!("still an orphan")
    };
    assert_eq!(
        &app.doc.article.text()[range.clone()],
        "Fares went up sharply"
    );
    assert_eq!(claim.verdict.as_deref(), Some("false"));
    assert_eq!(
        app.message.as_deref(),
        Some("c1 attached to \u{201c}Fares went up sharply\u{201d}")
    );
    let sidecar = std::fs::read_to_string(common::sidecar_of(&path)).unwrap();
    assert!(
        sidecar.contains("quote = \"Fares went up sharply\""),
        "{sidecar}"
    );
    assert!(
        sidecar.contains("The company says 14 percent."),
        "{sidecar}"
    );

    press(&mut app, "u");
    assert_eq!(app.doc.annotations.orphans().count(), 1);
    let sidecar = std::fs::read_to_string(common::sidecar_of(&path)).unwrap();
    assert!(
        sidecar.contains("quote = \"The ferry company raised fares by 40 percent on Monday.\""),
        "{sidecar}"
    );
}

#[test]
fn without_orphans_o_says_so_and_esc_closes_the_list() {
    let (_dir, path) = common::article("ferry.txt", BEFORE);
    let mut app = open(&path, 100, 24, "default");
    press(&mut app, "O");
    assert!(app.overlay.is_none());
    assert_eq!(
        app.message.as_deref(),
        Some("No orphans: every annotation is in the text")
    );

    let (_dir, path) = orphaned();
    let mut app = open(&path, 100, 24, "default");
    press(&mut app, "O");
    assert!(app.overlay.is_some());
    press(&mut app, "esc");
    assert!(app.overlay.is_none());
    assert_eq!(app.doc.annotations.orphans().count(), 1);
}
