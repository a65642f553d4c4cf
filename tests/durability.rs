//! Durability: a kill at any instant leaves a whole sidecar, the replaced version is kept
//! as a backup, undo survives a restart, and a sidecar that cannot be written is an error
//! on screen while the work stays in memory and is written once it can be.

mod common;
#[path = "common/pty.rs"]
mod pty;

use std::path::Path;
use std::time::Duration;

use common::app::{open, press, screen};
use pty::Session;
use sidenote::annotation::Kind;
use sidenote::document::Document;

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn backup_of(article: &Path) -> std::path::PathBuf {
    let mut name = common::sidecar_of(article).into_os_string();
    name.push(".bak");
    name.into()
}

fn screen_text(app: &sidenote::tui::App) -> String {
    let terminal = screen(app);
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            text.push_str(buffer[(x, y)].symbol());
        }
        text.push('\n');
    }
    text
}

#[test]
fn the_version_a_save_replaces_is_kept_as_a_backup() {
    let (_dir, article) = common::copy_example("harbour-wire.txt");
    let mut doc = Document::open(&article, None).unwrap();
    let first = doc.article.sentences()[3].range.clone();
    doc.annotations.add(&doc.article, Kind::Claim, first);
    doc.save().unwrap();
    assert!(!backup_of(&article).exists(), "nothing was replaced yet");
    let one_claim = read(&common::sidecar_of(&article));

    let second = doc.article.sentences()[5].range.clone();
    doc.annotations.add(&doc.article, Kind::Claim, second);
    doc.save().unwrap();
    assert_eq!(read(&backup_of(&article)), one_claim);
    assert!(read(&common::sidecar_of(&article)).contains("id = \"c2\""));
}

#[test]
fn undo_and_redo_survive_a_restart() {
    let (_dir, article) = common::copy_example("harbour-wire.txt");
    let mut app = open(&article, 120, 40, "default");
    press(&mut app, "j j j c");
    let one_claim = read(&common::sidecar_of(&article));
    press(&mut app, "j s k V \"mixed\" enter");
    let before_quit = read(&common::sidecar_of(&article));
    assert!(before_quit.contains("verdict = \"mixed\""), "{before_quit}");
    drop(app);

    let mut app = open(&article, 120, 40, "default");
    press(&mut app, "u");
    assert_eq!(app.message.as_deref(), Some("Undone: verdict on c1"));
    press(&mut app, "u");
    assert_eq!(app.doc.annotations.len(), 1);
    assert_eq!(read(&common::sidecar_of(&article)), one_claim, "saved");
    press(&mut app, "ctrl-r ctrl-r");
    assert_eq!(read(&common::sidecar_of(&article)), before_quit);
    press(&mut app, "u u");
    drop(app);

    // Undone twice, then quit: redo is still there after another restart.
    let mut app = open(&article, 120, 40, "default");
    assert_eq!(app.doc.annotations.len(), 1);
    press(&mut app, "ctrl-r ctrl-r");
    assert_eq!(read(&common::sidecar_of(&article)), before_quit);
}

#[test]
fn the_history_of_a_sidecar_changed_since_is_dropped() {
    let (_dir, article) = common::copy_example("harbour-wire.txt");
    let mut app = open(&article, 120, 40, "default");
    press(&mut app, "j j j c j c");
    drop(app);
    // Another program (or a git pull) changes the sidecar while sidenote is closed.
    let mut doc = Document::open(&article, None).unwrap();
    doc.annotations.remove("c1");
    doc.save().unwrap();
    let theirs = read(&common::sidecar_of(&article));

    let mut app = open(&article, 120, 40, "default");
    press(&mut app, "u");
    assert_eq!(app.message.as_deref(), Some("Nothing to undo"));
    assert_eq!(read(&common::sidecar_of(&article)), theirs);
}

#[test]
fn a_sidecar_that_cannot_be_written_keeps_the_work_and_is_written_when_it_can() {
    // Permission bits do not stop root, so the folder is taken away instead.
    let (dir, article) = common::copy_example("harbour-wire.txt");
    let mut app = open(&article, 120, 40, "default");
    let folder = dir.path().to_path_buf();
    let text = std::fs::read(&article).unwrap();
    std::fs::remove_dir_all(&folder).unwrap();
    press(&mut app, "j j j c");
    let shown = screen_text(&app);
    assert!(shown.contains("NOT SAVED"), "{shown}");
    assert!(shown.contains("cannot save sidecar"), "{shown}");
    let message = app.message.clone().unwrap_or_default();
    assert!(message.contains("no such file or folder"), "{message}");
    assert!(
        shown.contains("1 claim"),
        "the claim is still there: {shown}"
    );
    app.tick();
    assert!(screen_text(&app).contains("NOT SAVED"), "still cannot");

    std::fs::create_dir(&folder).unwrap();
    std::fs::write(&article, text).unwrap();
    app.tick();
    let shown = screen_text(&app);
    assert!(shown.contains("· saved"), "{shown}");
    assert!(
        shown.contains("the sidecar can be written again"),
        "{shown}"
    );
    assert!(read(&common::sidecar_of(&article)).contains("id = \"c1\""));
}

#[test]
fn sidenote_writes_the_sidecar_by_itself_once_its_folder_is_back() {
    let (dir, article) = common::copy_example("harbour-wire.txt");
    let notes = dir.path().join("notes");
    std::fs::create_dir(&notes).unwrap();
    let mut session = Session::start(
        &["--sidecar", "notes/harbour.toml", "harbour-wire.txt"],
        dir.path(),
    );
    session.wait_for("Parliament narrowly backs");
    std::fs::remove_dir(&notes).unwrap();
    session.send("jjjc");
    session.wait_for("NOT SAVED");
    session.wait_for("cannot save sidecar notes/harbour.toml: no such file or folder");
    assert!(session.contents().contains("1 claim"));

    // No key is pressed: sidenote retries on its own within a few seconds.
    std::fs::create_dir(&notes).unwrap();
    session.wait_for("the sidecar can be written again");
    assert!(session.contents().contains("· saved"));
    assert!(read(&notes.join("harbour.toml")).contains("id = \"c1\""));
    session.send("q");
    assert_eq!(session.wait_exit(), 0, "saved, so q quits at once");
    drop(article);
}

/// The note on c1 as the sidecar holds it, read the way sidenote reads it (so a torn or
/// half-written file fails here).
fn note_on_disk(article: &Path) -> String {
    let doc = Document::open(article, None).expect("a whole, readable sidecar");
    let c1 = doc.annotations.get("c1").expect("c1 is never lost");
    c1.note.clone().unwrap_or_default()
}

#[test]
fn killing_sidenote_in_a_burst_of_saves_leaves_the_old_or_the_new_sidecar() {
    let (dir, article) = common::copy_example("harbour-wire.txt");
    let mut session = Session::start(&["harbour-wire.txt"], dir.path());
    session.wait_for("Parliament narrowly backs");
    session.send("jjjc");
    session.wait_for("1 claim");
    // Saved right after the frame that shows it, before the next key is handled.
    session.send("?");
    session.wait_for("Anywhere");
    session.kill();

    let mut saved = String::new();
    for round in 0..6u64 {
        let mut session = Session::start(&["harbour-wire.txt"], dir.path());
        session.wait_for("1 claim");
        session.send("jjji");
        session.wait_for("note on c1");
        // Every key is a save; the keys arrive faster than they are saved.
        let burst = format!("round{round}abcdefghijklmnopqrstuvwxyz");
        session.type_keys(&burst, Duration::ZERO);
        std::thread::sleep(Duration::from_millis(20 + round * 45));
        session.kill();

        let note = note_on_disk(&article);
        assert!(
            note.starts_with(&saved),
            "round {round}: what was saved before is kept: {saved:?} then {note:?}"
        );
        let typed = format!("{saved}{burst}");
        assert!(
            typed.starts_with(&note),
            "round {round}: the note is one of the states typed: {note:?}"
        );
        let backup = backup_of(&article);
        if backup.exists() {
            let text = read(&backup);
            toml::from_str::<toml::Table>(&text).expect("the backup is whole too");
        }
        saved = note;
    }
    assert!(!saved.is_empty(), "some of the typing was saved: {saved:?}");
}

#[test]
fn temporary_files_a_killed_save_left_are_cleared_on_the_next_open() {
    let (dir, article) = common::copy_example("harbour-wire.txt");
    let sidecar = dir.path().join("harbour-wire.txt.sidenote.toml");
    let stale = dir
        .path()
        .join(".harbour-wire.txt.sidenote.toml.Ab12Cd.tmp");
    let fresh = dir
        .path()
        .join(".harbour-wire.txt.sidenote.toml.Xy34Zw.tmp");
    let other = dir.path().join(".notes.txt.sidenote.toml.Ab12Cd.tmp");
    for file in [&stale, &fresh, &other] {
        std::fs::write(file, "half a sidecar").unwrap();
    }
    let an_hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    for file in [&stale, &other] {
        let handle = std::fs::File::options().write(true).open(file).unwrap();
        handle.set_modified(an_hour_ago).unwrap();
    }

    Document::open(&article, None).expect("the article opens");

    assert!(
        !stale.exists(),
        "an hour-old temporary of this sidecar is removed"
    );
    assert!(fresh.exists(), "a save in progress elsewhere is left alone");
    assert!(
        other.exists(),
        "another article's temporary is not this one's to remove"
    );
    assert!(!sidecar.exists(), "opening writes nothing");
}
