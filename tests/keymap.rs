//! The config's keys laid over the built-in keymap: a rebound action answers to its new
//! key only, and the help and the status bar show the new key.

mod common;

use std::path::Path;

use common::app::{open_with, press, screen};
use sidenote::annotation::Kind;
use sidenote::config::Config;
use sidenote::tui::keymap::Context;
use sidenote::tui::{Action, App, Keymap, parse_key};

fn config(text: &str) -> Config {
    Config::parse(Path::new("config.toml"), text).unwrap()
}

fn merged(text: &str) -> Result<Keymap, String> {
    Keymap::with_config(&config(text)).map_err(|e| e.to_string())
}

fn open(text: &str) -> (tempfile::TempDir, App) {
    let (dir, article) = common::copy_example("demo.txt");
    (dir, open_with(&article, 160, 72, config(text)))
}

/// The status bar: the screen's last line.
fn status(app: &App) -> String {
    let screen = screen(app).backend().to_string();
    screen.lines().last().unwrap().to_string()
}

#[test]
fn the_built_in_keymap_binds_no_key_twice_in_a_context() {
    let keymap = Keymap::default();
    let conflicts: Vec<String> = keymap
        .conflicts()
        .iter()
        .map(|c| format!("{} in {}", c.key, c.context.name()))
        .collect();
    assert!(conflicts.is_empty(), "{conflicts:?}");
}

#[test]
fn a_rebound_action_answers_to_its_new_key_and_the_old_one_is_free() {
    let keymap = merged("[keys.article]\ntag_claim = \"t\"\n").unwrap();
    let key = |k| parse_key(k).unwrap();
    assert_eq!(
        keymap.action(Context::Article, key("t")),
        Some(Action::TagClaim)
    );
    assert_eq!(keymap.action(Context::Article, key("c")), None);
    // Only that context changed.
    assert_eq!(
        keymap.action(Context::Selection, key("c")),
        Some(Action::TagClaim)
    );
    assert_eq!(
        keymap.key_for(Context::Article, Action::TagClaim),
        Some("t")
    );

    // The freed key can go to another action.
    let keymap = merged(
        "[keys.article]\ntag_claim = \"t\"\ntag_source = [\"c\", \"ctrl-s\"]\nselect_start = []\n",
    )
    .unwrap();
    assert_eq!(
        keymap.action(Context::Article, key("c")),
        Some(Action::TagSource)
    );
    assert_eq!(keymap.action(Context::Article, key("s")), None);
    assert_eq!(keymap.action(Context::Article, key("v")), None);
}

#[test]
fn the_interface_help_and_status_bar_follow_the_rebinding() {
    let (_dir, mut app) = open("[keys.article]\ntag_claim = \"t\"\nselect_start = []\n");
    assert!(status(&app).contains("t:claim"), "{}", status(&app));
    assert!(!status(&app).contains("c:claim"), "{}", status(&app));
    press(&mut app, "j c");
    assert_eq!(app.doc.annotations.len(), 0, "c does nothing now");
    press(&mut app, "t");
    assert_eq!(app.doc.annotations.count(Kind::Claim), 1);
    press(&mut app, "?");
    let help = screen(&app).backend().to_string();
    let row = help
        .lines()
        .find(|l| l.contains("Tag the sentence as a claim"))
        .unwrap();
    assert!(row.contains(" t "), "{row}");
    assert!(!row.contains(" c "), "{row}");
    // An action left without a key is still listed, with a dash.
    let row = help
        .lines()
        .find(|l| l.contains("Select text, starting at the cursor"))
        .unwrap();
    assert!(row.contains(" — "), "{row}");
}

#[test]
fn a_context_key_hides_the_global_one_in_the_status_bar() {
    // q tags a claim in the article now: quit is still ctrl-c there, and q in the panel.
    let (_dir, mut app) = open("[keys.article]\ntag_claim = [\"q\"]\n");
    let bar = status(&app);
    assert!(
        bar.contains("q:claim") && bar.contains("ctrl-c:quit"),
        "{bar}"
    );
    assert!(!bar.contains("q:quit"), "{bar}");
    press(&mut app, "q");
    assert!(!app.quit);
    assert_eq!(app.doc.annotations.count(Kind::Claim), 1);
    press(&mut app, "tab");
    assert!(status(&app).contains("q:quit"), "{}", status(&app));
}

#[test]
fn writing_a_note_shows_only_the_note_keys() {
    let (_dir, mut app) = open("");
    press(&mut app, "c i");
    let bar = status(&app);
    assert!(bar.contains("esc:done"), "{bar}");
    assert!(!bar.contains("quit") && !bar.contains("help"), "{bar}");
    // Indeed q types there.
    press(&mut app, "q");
    assert!(!app.quit);
}

#[test]
fn keys_in_overlays_and_globals_can_be_rebound() {
    let keymap = merged("[keys.global]\nquit = \"ctrl-q\"\nshow_help = [\"?\", \"f1\"]\n");
    // f1 is not a key sidenote reads, so the line says so.
    let err = keymap.unwrap_err();
    assert!(
        err.contains("line 3, column 13: `f1` (for show_help) is not a key"),
        "{err}"
    );
    let keymap = merged(
        "[keys.global]\nquit = \"ctrl-q\"\n[keys.picker]\npicker_down = [\"down\", \"tab\"]\n",
    )
    .unwrap();
    let key = |k| parse_key(k).unwrap();
    assert_eq!(
        keymap.action(Context::Global, key("ctrl-q")),
        Some(Action::Quit)
    );
    assert_eq!(keymap.action(Context::Global, key("q")), None);
    assert_eq!(
        keymap.action(Context::Picker, key("tab")),
        Some(Action::PickerDown)
    );
}
