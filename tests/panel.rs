//! The entity panel: choosing, filtering, stepping through mentions, and corrections that
//! are saved, reloaded and honoured by the command line.

#[path = "../benches/archive.rs"]
mod archive;
mod common;

use common::app::{open, press, screen};

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use sidenote::annotation::Kind;
use sidenote::document::Document;
use sidenote::entity::EntityKind;
use sidenote::suggest;
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

/// The names the suggestions give the speaker with entity `id`.
fn speaker_names(app: &App, id: &str) -> Vec<String> {
    let mut names: Vec<String> = app
        .suggestions
        .attributions
        .iter()
        .filter(|a| a.speaker.entity.as_deref() == Some(id))
        .map(|a| a.speaker.name.clone())
        .collect();
    names.dedup();
    names
}

/// Take in what the thread finding the suggestions sends, until it is done.
fn wait_for_the_suggestions(app: &mut App) {
    let start = Instant::now();
    while app.refresh.is_some() {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "the suggestions never came"
        );
        std::thread::sleep(Duration::from_millis(5));
        app.receive().unwrap();
    }
}

#[test]
fn on_a_big_article_a_correction_answers_at_once_and_the_speakers_follow() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("archive.txt");
    // Well over what is found again between two keys (`AT_ONCE`).
    std::fs::write(
        &path,
        archive::generate(8 * sidenote::tui::refresh::AT_ONCE),
    )
    .unwrap();
    let mut app = open(&path, 120, 40, "default");
    // The entity most often named as a speaker.
    let mut ids: Vec<&str> = app
        .suggestions
        .attributions
        .iter()
        .filter_map(|a| a.speaker.entity.as_deref())
        .collect();
    ids.sort_unstable();
    let id = ids
        .chunk_by(|a, b| a == b)
        .max_by_key(|run| run.len())
        .expect("speakers that are entities")[0]
        .to_string();
    let name = app.doc.entities.by_id(&id).unwrap().name.clone();
    assert_eq!(speaker_names(&app, &id), [name.as_str()]);

    let typed = name.replace(' ', "_");
    press(&mut app, &format!("tab / \"{typed}\" enter"));
    assert_eq!(chosen(&app), name);
    press(&mut app, "r ctrl-u \"Renamed_Speaker\" enter");
    // The panel has the new name at once; the speakers keep the old one while they are
    // found again, and the status bar says so.
    assert_eq!(chosen(&app), "Renamed Speaker");
    assert!(app.refresh.is_some());
    assert_eq!(speaker_names(&app, &id), [name.as_str()]);
    let status = |app: &App| format!("{:?}", screen(app).backend());
    assert!(status(&app).contains("finding who says what again"));
    wait_for_the_suggestions(&mut app);
    assert_eq!(speaker_names(&app, &id), ["Renamed Speaker"]);
    assert!(!status(&app).contains("finding who says what again"));
    assert!(app.suggestions == suggest::suggest(&app.doc.article, &app.doc.entities));

    // A second change before the first one's suggestions are taken in: they are found
    // again for the entities as they are in the end.
    press(&mut app, "r ctrl-u \"Second_Name\" enter u");
    assert_eq!(chosen(&app), "Renamed Speaker");
    wait_for_the_suggestions(&mut app);
    assert_eq!(speaker_names(&app, &id), ["Renamed Speaker"]);
    assert!(app.suggestions == suggest::suggest(&app.doc.article, &app.doc.entities));
}

#[test]
fn on_a_short_article_the_speakers_follow_a_correction_at_once() {
    let (_dir, path) = common::copy_example("harbour-wire.txt");
    let mut app = open(&path, 120, 40, "default");
    let id = app
        .doc
        .entities
        .iter()
        .find(|e| e.name == "Tomas Berg")
        .unwrap()
        .id
        .clone();
    assert_eq!(speaker_names(&app, &id), ["Tomas Berg"]);
    press(
        &mut app,
        "tab / \"tomas_berg\" enter r ctrl-u \"T._Berg\" enter",
    );
    assert!(app.refresh.is_none());
    assert_eq!(speaker_names(&app, &id), ["T. Berg"]);
}
