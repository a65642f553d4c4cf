//! The entity panel: choosing, filtering, stepping through mentions, and corrections that
//! are saved, reloaded and honoured by the command line.

mod common;

use common::app::{open, press, screen};

use std::path::Path;
use std::process::Command;

use sidenote::annotation::Kind;
use sidenote::document::Document;
use sidenote::entity::EntityKind;
use sidenote::tui::App;

fn chosen(app: &App) -> &str {
    &app.doc.entities.get(app.entity).unwrap().name
}

fn entities_json(dir: &Path, article: &str) -> serde_json::Value {
    let output = Command::new(env!("CARGO_BIN_EXE_sidenote"))
        .args(["entities", article, "--format", "json"])
        .current_dir(dir)
        .env("XDG_CONFIG_HOME", dir.join("no-config"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn the_filter_narrows_the_panel_and_escape_clears_it() {
    let (_dir, path) = common::copy_example("harbour-wire.txt");
    let mut app = open(&path, 100, 30, "default");
    press(&mut app, "tab / \"ber\"");
    let terminal = screen(&app);
    insta::assert_snapshot!(terminal.backend());
    let visible: Vec<&str> = app
        .visible_entities()
        .into_iter()
        .map(|i| app.doc.entities.get(i).unwrap().name.as_str())
        .collect();
    assert!(
        visible.iter().all(|n| n.to_lowercase().contains("ber")),
        "{visible:?}"
    );
    assert!(visible.contains(&"Tomas Berg"));
    press(&mut app, "enter j");
    assert!(
        chosen(&app).to_lowercase().contains("ber"),
        "j moves among the filtered"
    );
    press(&mut app, "/ esc");
    assert_eq!(app.visible_entities().len(), app.doc.entities.len());
}

#[test]
fn n_and_shift_n_step_through_the_mentions() {
    let (_dir, path) = common::copy_example("harbour-wire.txt");
    let mut app = open(&path, 120, 40, "default");
    press(&mut app, "tab");
    let berg = app.doc.entities.get(app.entity).unwrap().clone();
    assert_eq!(berg.name, "Tomas Berg");
    press(&mut app, "n n");
    assert_eq!(app.mention.as_ref(), Some(&berg.mentions[1]));
    press(&mut app, "N");
    assert_eq!(app.mention.as_ref(), Some(&berg.mentions[0]));
    press(&mut app, "N");
    assert_eq!(
        app.mention.as_ref(),
        berg.mentions.last(),
        "N wraps to the last"
    );
    // Every mention of the chosen entity is highlighted while the panel has focus.
    let terminal = screen(&app);
    let buffer = terminal.backend().buffer();
    let chosen_style = app.theme.style("entity.chosen");
    let highlighted = buffer
        .content
        .iter()
        .filter(|c| chosen_style.add_modifier.intersects(c.modifier) && c.symbol() != " ")
        .count();
    assert!(
        highlighted >= "Tomas Berg".len(),
        "mentions are highlighted"
    );
}

#[test]
fn corrections_are_saved_reloaded_and_used_by_the_command_line() {
    let (dir, path) = common::copy_example("harbour-wire.txt");
    let mut app = open(&path, 120, 40, "default");
    press(
        &mut app,
        "tab / \"whitfield\" enter r ctrl-u \"Jonas_A._Whitfield\" enter",
    );
    assert_eq!(chosen(&app), "Jonas A. Whitfield");
    press(&mut app, "/ esc / \"kaaiwerk\" enter t");
    assert_eq!(
        app.doc.entities.get(app.entity).unwrap().kind,
        EntityKind::Place
    );
    press(&mut app, "/ esc / \"gullfjord\" enter x / esc");
    assert!(
        app.doc
            .entities
            .iter()
            .all(|e| !e.name.contains("Gullfjord")),
        "dismissed"
    );
    // Merge Henrik Dahl into Tomas Berg (a wrong merge, but a clear one to check).
    press(&mut app, "/ \"dahl\" enter m \"tomas\" enter / esc");
    let berg = app
        .doc
        .entities
        .iter()
        .find(|e| e.name == "Tomas Berg")
        .unwrap();
    assert!(
        berg.aliases.contains(&"Henrik Dahl".to_string()),
        "{:?}",
        berg.aliases
    );

    // Everything is in the sidecar and comes back on the next open.
    let reopened = Document::open(&path, None).unwrap();
    let names: Vec<&str> = reopened.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Jonas A. Whitfield"), "{names:?}");
    assert!(
        !names
            .iter()
            .any(|n| n.contains("Gullfjord") || *n == "Henrik Dahl"),
        "{names:?}"
    );
    let kaaiwerk = reopened
        .entities
        .iter()
        .find(|e| e.name.contains("Kaaiwerk"))
        .unwrap();
    assert_eq!(kaaiwerk.kind, EntityKind::Place);

    // And the command line honours them.
    let json = entities_json(dir.path(), "harbour-wire.txt");
    let entities = json["entities"].as_array().unwrap();
    assert!(
        entities
            .iter()
            .any(|e| e["name"] == "Jonas A. Whitfield" && e["id"] == "jonas-whitfield")
    );
    assert!(
        !entities
            .iter()
            .any(|e| e["name"].as_str().unwrap().contains("Gullfjord"))
    );
    let berg = entities.iter().find(|e| e["name"] == "Tomas Berg").unwrap();
    assert!(
        berg["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["text"] == "Dahl")
    );
}

#[test]
fn undo_takes_back_a_correction() {
    let (_dir, path) = common::copy_example("harbour-wire.txt");
    let mut app = open(&path, 120, 40, "default");
    press(&mut app, "tab x");
    assert!(app.doc.entities.iter().all(|e| e.name != "Tomas Berg"));
    press(&mut app, "u");
    assert!(app.doc.entities.iter().any(|e| e.name == "Tomas Berg"));
    assert!(
        Document::open(&path, None)
            .unwrap()
            .entities
            .iter()
            .any(|e| e.name == "Tomas Berg")
    );
    press(&mut app, "ctrl-r");
    assert!(app.doc.entities.iter().all(|e| e.name != "Tomas Berg"));
}

#[test]
fn s_in_the_panel_makes_the_entity_a_source() {
    let (_dir, path) = common::copy_example("harbour-wire.txt");
    let mut app = open(&path, 120, 40, "default");
    press(&mut app, "tab n n s");
    let berg = app
        .doc
        .entities
        .iter()
        .find(|e| e.name == "Tomas Berg")
        .unwrap()
        .clone();
    let source = app
        .doc
        .annotations
        .iter()
        .find(|a| a.kind == Kind::Source)
        .expect("a source");
    assert_eq!(source.entity.as_deref(), Some(berg.id.as_str()));
    assert_eq!(
        source.range(),
        Some(berg.mentions[1].clone()),
        "on the mention jumped to"
    );
}

#[test]
fn a_selection_becomes_an_entity_with_every_occurrence() {
    // Detection leaves a word alone that only ever starts a sentence.
    let (_dir, path) = common::article(
        "a.txt",
        "Fjordvind paid the bill in May. Fjordvind later closed its office.\n",
    );
    let mut app = open(&path, 100, 30, "default");
    assert!(app.doc.entities.iter().all(|e| e.name != "Fjordvind"));
    press(&mut app, "v E");
    let added = app
        .doc
        .entities
        .iter()
        .find(|e| e.name == "Fjordvind")
        .expect("added");
    assert_eq!(added.mentions.len(), 2, "every occurrence");
    assert_eq!(
        added.kind,
        EntityKind::Other,
        "a single word is added as other"
    );
    press(&mut app, "tab / \"fjord\" enter t t");
    let reopened = Document::open(&path, None).unwrap();
    let added = reopened
        .entities
        .iter()
        .find(|e| e.name == "Fjordvind")
        .unwrap();
    assert_eq!(
        added.kind,
        EntityKind::Organization,
        "other, then person, then organisation"
    );
    assert_eq!(added.mentions.len(), 2);
}

#[test]
fn long_names_are_shortened_with_an_ellipsis_inside_a_narrow_panel() {
    let (_dir, path) = common::article(
        "a.txt",
        "The Vestland Ocean and Coastal Research Institute of Advanced Studies met. It is in Bergen.\n",
    );
    let app = open(&path, 70, 12, "default");
    let terminal = screen(&app);
    let text = terminal.backend().to_string();
    assert!(text.contains('…'), "{text}");
    let buffer = terminal.backend().buffer();
    // The panel keeps its border on every row: nothing spilled over it.
    for y in 1..buffer.area.height - 2 {
        assert_eq!(buffer[(buffer.area.width - 1, y)].symbol(), "│");
    }
}
