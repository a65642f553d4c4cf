//! The interface driven by keys, as a user types them, and drawn into a TestBackend.

mod common;

use common::app::{open, press, screen};

use ratatui::style::Modifier;
use sidenote::annotation::{Annotation, Kind};
use sidenote::document::Document;
use sidenote::tui::{App, Keymap};

/// Open a copy of an example article in the default theme.
fn open_example(name: &str, width: u16, height: u16) -> (tempfile::TempDir, App) {
    let (dir, path) = common::copy_example(name);
    let app = open(&path, width, height, "default");
    (dir, app)
}

/// The first annotation of a kind, in text order.
fn first(app: &App, kind: Kind) -> &Annotation {
    app.doc
        .annotations
        .iter()
        .find(|a| a.kind == kind)
        .unwrap_or_else(|| panic!("no {kind}"))
}

/// Type text into the picker's filter.
fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, &c.to_string());
    }
}

/// Tag a claim on the fourth sentence and a source on the speaker of the next one, then
/// move focus to the entity panel.
fn tagged_then_panel(width: u16, height: u16) -> (tempfile::TempDir, App) {
    let (dir, mut app) = open_example("harbour-wire.txt", width, height);
    press(&mut app, "j j j c j v e e s tab");
    (dir, app)
}

#[test]
fn screen_80x24_with_a_claim_a_source_and_the_panel_focused() {
    let (_dir, app) = tagged_then_panel(80, 24);
    insta::assert_snapshot!(screen(&app).backend());
}

#[test]
fn screen_120x40_with_a_claim_a_source_and_the_panel_focused() {
    let (_dir, app) = tagged_then_panel(120, 40);
    insta::assert_snapshot!(screen(&app).backend());
}

#[test]
fn help_lists_every_key_of_the_keymap() {
    let (_dir, mut app) = open_example("demo.txt", 160, 72);
    press(&mut app, "?");
    let terminal = screen(&app);
    insta::assert_snapshot!(terminal.backend());
    let screen = terminal.backend().to_string();
    for (_, bindings) in Keymap::default().sections() {
        for binding in bindings {
            assert!(
                screen.contains(&*binding.description),
                "help lacks {:?}",
                binding.description
            );
        }
    }
}

#[test]
fn tagging_the_sentence_and_a_selection() {
    let (_dir, mut app) = open_example("demo.txt", 100, 30);
    press(&mut app, "j j c");
    let claim = app.doc.annotations.iter().next().unwrap();
    let third = app.doc.article.sentences()[2].range.clone();
    assert_eq!(
        (claim.kind, claim.range()),
        (Kind::Claim, Some(third.clone()))
    );

    // v selects the first word; e extends by words; the span is exactly the words chosen.
    press(&mut app, "j v e e s");
    let fourth = app.doc.article.sentences()[3].range.clone();
    let source = first(&app, Kind::Source);
    let text = &app.doc.article.text()[source.range().unwrap()];
    let words: Vec<&str> = app.doc.article.text()[fourth]
        .split_whitespace()
        .take(3)
        .collect();
    assert_eq!(text, words.join(" ").trim_end_matches(','));
    assert!(app.selection.is_none(), "tagging ends the selection");
}

#[test]
fn escape_cancels_a_selection_without_tagging() {
    let (_dir, mut app) = open_example("demo.txt", 100, 30);
    press(&mut app, "v w w esc c");
    let claim = app.doc.annotations.iter().next().unwrap();
    assert_eq!(
        claim.range(),
        Some(app.doc.article.sentences()[0].range.clone())
    );
}

#[test]
fn undo_and_redo_take_back_and_restore_a_tag_on_disk_too() {
    let (_dir, mut app) = open_example("demo.txt", 100, 30);
    let path = app.doc.article.path().to_path_buf();
    press(&mut app, "j c j s");
    assert_eq!(app.doc.annotations.len(), 2);
    press(&mut app, "u");
    assert_eq!(app.doc.annotations.len(), 1);
    let reopened = Document::open(&path, None).unwrap();
    assert_eq!(reopened.annotations.len(), 1, "undo is saved");
    press(&mut app, "ctrl-r");
    assert_eq!(app.doc.annotations.len(), 2);
    assert_eq!(Document::open(&path, None).unwrap().annotations.len(), 2);
}

#[test]
fn delete_removes_the_annotation_under_the_cursor_and_its_links() {
    let (_dir, mut app) = open_example("demo.txt", 100, 30);
    press(&mut app, "j c j s k l");
    type_text(&mut app, "source");
    press(&mut app, "enter");
    let claim = first(&app, Kind::Claim);
    assert_eq!(claim.sources, ["s1"]);
    press(&mut app, "j d");
    assert_eq!(app.doc.annotations.count(Kind::Source), 0);
    let claim = app.doc.annotations.iter().next().unwrap();
    assert!(claim.sources.is_empty(), "the link went with the source");
}

#[test]
fn linking_to_an_entity_makes_a_source_of_its_nearest_mention() {
    let (_dir, mut app) = open_example("harbour-wire.txt", 120, 40);
    press(&mut app, "j j j c l");
    type_text(&mut app, "tomas");
    let picker = screen(&app).backend().to_string();
    assert!(picker.contains("person: Tomas Berg"), "{picker}");
    press(&mut app, "enter");
    let source = first(&app, Kind::Source);
    assert_eq!(source.entity.as_deref(), Some("tomas-berg"));
    let text = &app.doc.article.text()[source.range().unwrap()];
    assert_eq!(text, "Tomas Berg", "the mention inside the claim");
    let claim = first(&app, Kind::Claim);
    assert_eq!(claim.sources, std::slice::from_ref(&source.id));
}

#[test]
fn the_entity_panel_jumps_through_mentions() {
    let (_dir, mut app) = open_example("harbour-wire.txt", 120, 40);
    press(&mut app, "tab");
    let berg = app.doc.entities.get(0).unwrap().clone();
    assert_eq!(berg.name, "Tomas Berg");
    press(&mut app, "enter");
    assert_eq!(app.mention.as_ref(), Some(&berg.mentions[0]));
    press(&mut app, "enter");
    assert_eq!(app.mention.as_ref(), Some(&berg.mentions[1]));
    let sentence = app.doc.article.sentence_at(berg.mentions[1].start);
    assert_eq!(app.cursor, sentence, "the cursor follows the mention");
    press(&mut app, "j enter");
    let next = app.doc.entities.get(1).unwrap();
    assert_eq!(app.mention.as_ref(), Some(&next.mentions[0]));
}

#[test]
fn moving_to_the_end_scrolls_the_last_paragraph_into_view() {
    let (_dir, mut app) = open_example("long-feature.txt", 100, 30);
    press(&mut app, "G");
    let last = app.doc.article.sentences().len() - 1;
    assert_eq!(app.cursor, last);
    let screen = screen(&app).backend().to_string();
    let last_words: String = app
        .doc
        .article
        .sentence_text(last)
        .split_whitespace()
        .last()
        .unwrap()
        .into();
    assert!(screen.contains(&last_words), "{screen}");
    press(&mut app, "g");
    assert_eq!((app.cursor, app.top.paragraph, app.top.line), (0, 0, 0));
}

#[test]
fn paging_moves_the_view_and_the_cursor_together() {
    let (_dir, mut app) = open_example("long-feature.txt", 100, 30);
    press(&mut app, "ctrl-d");
    let after_one = app.top;
    assert!(
        after_one.paragraph > 0 || after_one.line > 0,
        "the view moved"
    );
    assert!(app.cursor > 0, "the cursor moved");
    press(&mut app, "pagedown pagedown ctrl-u ctrl-u ctrl-u");
    assert_eq!((app.top.paragraph, app.top.line), (0, 0));
}

#[test]
fn paragraph_keys_go_to_the_first_sentence_of_a_paragraph() {
    let (_dir, mut app) = open_example("harbour-wire.txt", 100, 30);
    press(&mut app, "J J J");
    let article = &app.doc.article;
    assert_eq!(app.cursor, article.paragraphs()[3].sentences.start);
    press(&mut app, "j K");
    assert_eq!(app.cursor, app.doc.article.paragraphs()[3].sentences.start);
    press(&mut app, "K");
    assert_eq!(app.cursor, app.doc.article.paragraphs()[2].sentences.start);
}

#[test]
fn without_colour_claims_are_underlined_sources_bold_and_marked_in_the_gutter() {
    let (_dir, path) = common::copy_example("demo.txt");
    let mut app = open(&path, 100, 30, "mono");
    press(&mut app, "j j c j s g");
    let terminal = screen(&app);
    let buffer = terminal.backend().buffer();
    for cell in &buffer.content {
        assert_eq!(cell.fg, ratatui::style::Color::Reset, "mono uses no colour");
        assert_eq!(cell.bg, ratatui::style::Color::Reset, "mono uses no colour");
    }
    let find_row = |mark: &str| {
        (0..buffer.area.height)
            .find(|&y| (0..12).any(|x| buffer[(x, y)].symbol() == mark))
            .unwrap_or_else(|| panic!("no gutter mark {mark}"))
    };
    let claim_row = find_row("C");
    let source_row = find_row("S");
    let text_x = (0..buffer.area.width)
        .find(|&x| {
            buffer[(x, claim_row)]
                .modifier
                .contains(Modifier::UNDERLINED)
        })
        .expect("claim text is underlined");
    assert!(buffer[(text_x, claim_row)].symbol().trim() != "" || text_x > 0);
    assert!(
        (0..buffer.area.width).any(
            |x| buffer[(x, source_row)].modifier.contains(Modifier::BOLD)
                && buffer[(x, source_row)]
                    .symbol()
                    .chars()
                    .all(char::is_alphanumeric)
                && buffer[(x, source_row)].symbol() != " "
        ),
        "source text is bold"
    );
}

#[test]
fn wide_characters_take_two_cells() {
    let (_dir, path) = common::article(
        "wide.txt",
        "陈伟说水能载舟亦能覆舟这是一句古话工程师们常常引用它来提醒自己水的力量 👋🏽 end.\n\nSecond paragraph.\n",
    );
    let app = open(&path, 40, 12, "default");
    let terminal = screen(&app);
    let screen = terminal.backend().to_string();
    insta::assert_snapshot!(screen);
    let buffer = terminal.backend().buffer();
    // Every row of the article pane stays inside its border.
    for y in 1..buffer.area.height - 2 {
        assert_eq!(buffer[(buffer.area.width - 1, y)].symbol(), "│");
    }
}

#[test]
fn a_tiny_terminal_says_it_is_too_small() {
    let (_dir, path) = common::copy_example("demo.txt");
    let app = open(&path, 18, 3, "default");
    let screen = screen(&app).backend().to_string();
    assert!(screen.contains("Terminal too"), "{screen}");
}

#[test]
fn quitting_with_unsaved_annotations_asks_twice() {
    let (dir, mut app) = open_example("demo.txt", 100, 30);
    // Make the sidecar unwritable: a folder stands where it should go.
    std::fs::create_dir(dir.path().join("demo.txt.sidenote.toml")).unwrap();
    press(&mut app, "c");
    let shown = screen(&app).backend().to_string();
    assert!(shown.contains("NOT SAVED · cannot save sidecar"), "{shown}");
    press(&mut app, "q");
    assert!(!app.quit, "the first q warns");
    assert!(screen(&app).backend().to_string().contains("press q again"));
    press(&mut app, "q");
    assert!(app.quit);
}
