//! Working through an article in the interface: suggestions accepted and rejected, verdicts,
//! notes, source kinds, the annotation list, text objects, nested claims.

mod common;

use common::app::{open, press, screen};

use std::path::Path;

use ratatui::style::Modifier;
use sidenote::annotation::{Kind, SourceKind};
use sidenote::document::Document;
use sidenote::tui::App;

fn clinic(width: u16, height: u16) -> (tempfile::TempDir, App) {
    let (dir, path) = common::copy_example("clinic-waiting-times.txt");
    (dir, open(&path, width, height, "default"))
}

#[test]
fn a_suggestion_is_shown_with_its_rule_and_accepted_with_its_source() {
    let (_dir, mut app) = clinic(120, 40);
    press(&mut app, "] ]");
    let terminal = screen(&app);
    insta::assert_snapshot!(terminal.backend());
    let status = terminal.backend().to_string();
    assert!(status.contains("Suggested claim (percentage)"), "{status}");

    // The fifth paragraph's quotation is Helen Marchetti's; its claim comes with her as
    // the source, linked to her entity.
    press(&mut app, "g J J J J a");
    let claim = app
        .doc
        .annotations
        .iter()
        .find(|a| a.kind == Kind::Claim)
        .expect("a claim");
    assert_eq!(claim.sources.len(), 1);
    let source = app.doc.annotations.get(&claim.sources[0]).unwrap();
    let entity = app
        .doc
        .entities
        .by_id(source.entity.as_deref().unwrap())
        .unwrap();
    assert_eq!(entity.name, "Helen Marchetti");
    assert_eq!(source.source_kind, Some(SourceKind::Person));
}

#[test]
fn a_rejected_suggestion_does_not_come_back() {
    let (_dir, path) = common::copy_example("clinic-waiting-times.txt");
    let mut app = open(&path, 120, 40, "default");
    press(&mut app, "]");
    let first = app.pending_here().expect("a suggestion");
    let range = app.pending_range(&first);
    press(&mut app, "x");
    assert!(app.pending().all(|p| app.pending_range(&p) != range));
    let sidecar = std::fs::read_to_string(common::sidecar_of(&path)).unwrap();
    assert!(sidecar.contains("[[rejected]]"), "{sidecar}");

    let app = open(&path, 120, 40, "default");
    assert!(
        app.pending().all(|p| app.pending_range(&p) != range),
        "still rejected after reopening"
    );

    // Undo brings it back.
    let mut app = app;
    press(&mut app, "] x u");
    assert_eq!(app.doc.rejected.len(), 1);
}

#[test]
fn accepting_a_paragraph_takes_every_suggestion_in_it() {
    let (_dir, mut app) = clinic(120, 40);
    press(&mut app, "] J");
    let paragraph = app.doc.article.sentences()[app.cursor].paragraph;
    let range = app.doc.article.paragraphs()[paragraph].range.clone();
    let in_paragraph = |app: &App| {
        app.pending()
            .filter(|p| range.contains(&app.pending_range(p).start))
            .count()
    };
    assert!(in_paragraph(&app) >= 2);
    press(&mut app, "A");
    assert_eq!(in_paragraph(&app), 0);
    assert!(app.doc.annotations.count(Kind::Claim) >= 2);
}

#[test]
fn verdict_and_note_are_kept_and_listed() {
    let (_dir, path) = common::copy_example("clinic-waiting-times.txt");
    let mut app = open(&path, 120, 40, "default");
    press(
        &mut app,
        "] a V \"mostly\" enter i \"Check_the_2011_baseline./Ask_the_desk.\" esc",
    );
    let claim = app
        .doc
        .annotations
        .iter()
        .find(|a| a.kind == Kind::Claim)
        .unwrap();
    assert_eq!(claim.verdict.as_deref(), Some("mostly true"));
    assert_eq!(
        claim.note.as_deref(),
        Some("Check the 2011 baseline.\nAsk the desk.")
    );
    let reopened = Document::open(&path, None).unwrap();
    let claim = reopened
        .annotations
        .iter()
        .find(|a| a.kind == Kind::Claim)
        .unwrap();
    assert_eq!(claim.verdict.as_deref(), Some("mostly true"));
    assert!(claim.note.as_deref().unwrap().contains("Ask the desk."));

    // The picker opens on the claim's verdict: `V` `enter` keeps it.
    press(&mut app, "V enter");
    let claim = app
        .doc
        .annotations
        .iter()
        .find(|a| a.kind == Kind::Claim)
        .unwrap();
    assert_eq!(claim.verdict.as_deref(), Some("mostly true"));

    press(&mut app, "tab tab");
    let terminal = screen(&app);
    insta::assert_snapshot!(terminal.backend());
    let list = terminal.backend().to_string();
    assert!(
        list.contains("▸ mostly true") && list.contains("✎ Check the 2011 baseline."),
        "{list}"
    );
    assert!(list.contains("1 claim · 0 without a source"), "{list}");
}

#[test]
fn the_annotation_list_filters_and_jumps_to_the_text() {
    let (_dir, mut app) = clinic(120, 40);
    press(&mut app, "] a ] a ] a G");
    press(&mut app, "tab tab f");
    assert!(app.listed().iter().all(|a| a.kind == Kind::Claim));
    press(&mut app, "f");
    let sources = app.listed();
    assert!(sources.iter().all(|a| a.kind == Kind::Source));
    assert_eq!(sources.len(), app.doc.annotations.count(Kind::Source));
    press(&mut app, "f / \"40,000\" enter");
    let listed: Vec<String> = app
        .listed()
        .iter()
        .map(|a| a.anchor.quote.clone())
        .collect();
    assert_eq!(listed.len(), 1, "{listed:?}");
    press(&mut app, "enter");
    let sentence = app.doc.article.sentence_text(app.cursor);
    assert!(sentence.contains("40,000 patients"), "{sentence}");
}

#[test]
fn a_source_can_be_a_description_and_has_a_kind() {
    let (_dir, path) = common::copy_example("demo.txt");
    let mut app = open(&path, 120, 40, "default");
    press(&mut app, "j j c l \"a_phone_call_with_the_council\"");
    let choices = screen(&app).backend().to_string();
    assert!(
        choices.contains("new source: “a phone call with the council”"),
        "{choices}"
    );
    press(&mut app, "enter");
    let claim = app
        .doc
        .annotations
        .iter()
        .find(|a| a.kind == Kind::Claim)
        .unwrap();
    let source = app.doc.annotations.get(&claim.sources[0]).unwrap();
    assert_eq!(
        source.description.as_deref(),
        Some("a phone call with the council")
    );
    assert!(source.range().is_none(), "not in the text");
    let sidecar = std::fs::read_to_string(common::sidecar_of(&path)).unwrap();
    assert!(
        sidecar.contains("description = \"a phone call with the council\""),
        "{sidecar}"
    );

    // S changes the kind of the source under the cursor.
    press(&mut app, "j s S S");
    let tagged = app
        .doc
        .annotations
        .iter()
        .find(|a| a.kind == Kind::Source && a.range().is_some())
        .unwrap();
    assert_eq!(tagged.source_kind, Some(SourceKind::Organization));
}

#[test]
fn text_objects_select_a_quotation_a_clause_a_sentence_a_paragraph() {
    let (_dir, path) = common::article(
        "a.txt",
        "Title here\n\nThe mayor said, \"We will reopen the harbour, and soon.\" Then she left, quietly. Nobody asked why.\n\nSecond paragraph.\n",
    );
    let mut app = open(&path, 100, 30, "default");
    press(&mut app, "j v w w w \"");
    let selected = |app: &App| {
        let s = app.selection.unwrap().range();
        app.doc.article.text()[s].to_string()
    };
    assert_eq!(selected(&app), "We will reopen the harbour, and soon");
    press(&mut app, ",");
    assert_eq!(
        selected(&app),
        "and soon",
        "the clause around the selection's end"
    );
    press(&mut app, ".");
    assert_eq!(
        selected(&app),
        "The mayor said, \"We will reopen the harbour, and soon.\""
    );
    press(&mut app, "p");
    assert!(
        selected(&app).starts_with("The mayor said")
            && selected(&app).ends_with("Nobody asked why.")
    );
}

#[test]
fn a_claim_inside_a_claim_is_drawn_so_both_show() {
    let (_dir, path) = common::copy_example("demo.txt");
    let mut app = open(&path, 100, 30, "mono");
    press(&mut app, "j j c v e e c");
    assert_eq!(app.doc.annotations.count(Kind::Claim), 2);
    let terminal = screen(&app);
    let buffer = terminal.backend().buffer();
    let nested = app.theme.style("claim.nested").add_modifier;
    let marked = buffer
        .content
        .iter()
        .filter(|c| c.modifier.contains(nested) && c.symbol() != " ")
        .count();
    assert!(marked >= 4, "the inner claim has its own style");
    assert!(buffer.content.iter().any(
        |c| c.modifier.contains(Modifier::UNDERLINED) && !c.modifier.contains(Modifier::ITALIC)
    ));
}

#[test]
fn the_verdict_scale_comes_from_the_config() {
    let (_dir, path) = common::copy_example("clinic-waiting-times.txt");
    let config = sidenote::config::Config::parse(
        Path::new("config.toml"),
        "verdicts = [\"checked\", \"wrong\", \"cannot tell\"]\n",
    )
    .unwrap();
    let mut app = open(&path, 120, 40, "default").with_config(config);
    press(&mut app, "] a V");
    let picker = screen(&app).backend().to_string();
    assert!(
        picker.contains("cannot tell") && !picker.contains("mostly true"),
        "{picker}"
    );
    press(&mut app, "\"wrong\" enter");
    let claim = app
        .doc
        .annotations
        .iter()
        .find(|a| a.kind == Kind::Claim)
        .unwrap();
    assert_eq!(claim.verdict.as_deref(), Some("wrong"));
}

#[test]
fn a_note_is_saved_as_it_is_typed_and_undone_in_one_step() {
    let (_dir, path) = common::copy_example("clinic-waiting-times.txt");
    let mut app = open(&path, 120, 40, "default");
    press(&mut app, "] a i \"Call_the_board\"");
    // Still typing: the sidecar already has it, so a kill now loses nothing.
    let sidecar = std::fs::read_to_string(common::sidecar_of(&path)).unwrap();
    assert!(sidecar.contains("note = \"Call the board\""), "{sidecar}");
    press(&mut app, "esc u");
    let claim = app
        .doc
        .annotations
        .iter()
        .find(|a| a.kind == Kind::Claim)
        .expect("the claim is still there");
    assert_eq!(claim.note, None, "one undo takes back the whole note");
}
