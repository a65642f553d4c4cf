//! The terminal: sizes down to one cell, resizes in quick succession, escape sequences in
//! an article that must never reach the terminal, and a panic that must leave the work
//! saved and the terminal usable. The real binary runs in a pseudo-terminal.

mod common;

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::app::{open, press, screen};
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use sidenote::tui::Action;

const TIMEOUT: Duration = Duration::from_secs(20);

/// What a terminal would have done with the sequences a program wrote.
#[derive(Default)]
struct Watch {
    titles: Vec<Vec<u8>>,
    clipboard: Vec<Vec<u8>>,
}

impl vt100::Callbacks for Watch {
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles.push(title.to_vec());
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.titles.push(name.to_vec());
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _: &[u8], data: &[u8]) {
        self.clipboard.push(data.to_vec());
    }
}

/// sidenote in a pseudo-terminal; its output parsed as a terminal would, and kept raw.
struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser<Watch>>>,
    raw: Arc<Mutex<Vec<u8>>>,
    master: Box<dyn MasterPty + Send>,
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Session {
    fn start(args: &[&str], cwd: &Path, env: &[(&str, &str)]) -> Session {
        let pty = native_pty_system()
            .openpty(size(100, 30))
            .expect("open a pseudo-terminal");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_sidenote"));
        command.args(args);
        command.cwd(cwd);
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pty.slave.spawn_command(command).expect("start sidenote");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = pty.master.take_writer().expect("pty writer");
        // As big as the biggest size a test resizes to, so that output drawn for one size
        // and read after a resize always fits the parser's screen.
        let parser = Arc::new(Mutex::new(vt100::Parser::new_with_callbacks(
            60,
            200,
            0,
            Watch::default(),
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (to_parse, to_keep) = (Arc::clone(&parser), Arc::clone(&raw));
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                to_parse.lock().unwrap().process(&buf[..n]);
                to_keep.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Session {
            child,
            writer,
            parser,
            raw,
            master: pty.master,
        }
    }

    fn contents(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while !self.contents().contains(text) {
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {text:?}; the screen shows:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, keys: &str) {
        for byte in keys.bytes() {
            self.writer.write_all(&[byte]).unwrap();
            self.writer.flush().unwrap();
            std::thread::sleep(Duration::from_millis(15));
        }
    }

    /// Resize the pseudo-terminal. The emulator here only ever grows: bytes drawn for an
    /// earlier, larger size may still be on their way when the size shrinks, and vt100
    /// panics on a cursor outside its grid. sidenote clears the screen on every resize, so
    /// what it draws still reads the same in a larger grid.
    fn resize(&self, cols: u16, rows: u16) {
        self.master.resize(size(cols, rows)).expect("resize");
        let mut parser = self.parser.lock().unwrap();
        let (old_rows, old_cols) = parser.screen().size();
        parser
            .screen_mut()
            .set_size(rows.max(old_rows), cols.max(old_cols));
    }

    fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader thread take the last bytes.
                std::thread::sleep(Duration::from_millis(200));
                return status.exit_code();
            }
            assert!(start.elapsed() < TIMEOUT, "sidenote did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// Main screen, cursor shown, and the last bytes that switched either were the ones
    /// that give the terminal back.
    fn assert_restored(&self) {
        let parser = self.parser.lock().unwrap();
        assert!(
            !parser.screen().alternate_screen(),
            "left in the alternate screen"
        );
        assert!(
            !parser.screen().hide_cursor(),
            "left with the cursor hidden"
        );
        drop(parser);
        let raw = self.raw();
        let leave = rfind(&raw, b"\x1b[?1049l").expect("the alternate screen was left");
        assert!(rfind(&raw, b"\x1b[?1049h").unwrap() < leave);
        let show = rfind(&raw, b"\x1b[?25h").expect("the cursor was shown");
        assert!(rfind(&raw, b"\x1b[?25l").is_none_or(|hide| hide < show));
    }
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

const ESCAPES: &str = "Clipboard and title attack\n\nThe council \x1b]52;c;SGVsbG8=\x07 met on \
Monday. Its clerk \x1b]0;pwned\x07 read the minutes \x1b]2;owned\x1b\\ aloud.\n\nThe screen \
\x1b[2J was not cleared.\n";

#[test]
fn escape_sequences_in_an_article_never_reach_the_terminal() {
    let (dir, _article) = common::article("escapes.txt", ESCAPES);
    let mut session = Session::start(&["escapes.txt"], dir.path(), &[]);
    session.wait_for("␛]52;c;SGVsbG8=␇");
    session.wait_for("␛]0;pwned␇");
    session.send("jc");
    session.wait_for("1 claim");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    let raw = session.raw();
    for sequence in [&b"\x1b]52"[..], b"\x1b]0;", b"\x1b]2;", b"\x1b[2J", b"\x07"] {
        assert!(
            rfind(&raw, sequence).is_none(),
            "{:?} was written to the terminal",
            String::from_utf8_lossy(sequence)
        );
    }
    let parser = session.parser.lock().unwrap();
    assert!(parser.callbacks().titles.is_empty(), "the title was set");
    assert!(
        parser.callbacks().clipboard.is_empty(),
        "the clipboard was written"
    );
}

/// A panic in the interface (asked for with `SIDENOTE_TEST_PANIC` and `!`, debug builds
/// only) after a change whose save failed: the change is saved before the terminal is
/// restored, and only then is the panic printed.
#[test]
fn a_panic_saves_the_work_then_restores_the_terminal_then_explains() {
    let (dir, article) = common::copy_example("harbour-wire.txt");
    let sidecar = dir.path().join("notes/harbour.toml");
    let mut session = Session::start(
        &["harbour-wire.txt", "--sidecar", "notes/harbour.toml"],
        dir.path(),
        &[("SIDENOTE_TEST_PANIC", "1")],
    );
    session.wait_for("Parliament narrowly backs");
    // The folder for the sidecar does not exist yet: the save fails.
    session.send("jjjc");
    session.wait_for("NOT SAVED");
    assert!(!sidecar.exists());
    std::fs::create_dir(dir.path().join("notes")).unwrap();
    session.send("!");
    assert_eq!(session.wait_exit(), 101, "a panic's exit code");
    session.assert_restored();

    let saved = std::fs::read_to_string(&sidecar).expect("the sidecar was saved");
    assert!(saved.contains("kind = \"claim\""), "{saved}");
    assert!(article.exists());
    let raw = session.raw();
    let told = rfind(&raw, b"sidenote stopped because of a bug").expect("the panic is told");
    assert!(
        rfind(&raw, b"\x1b[?1049l").unwrap() < told,
        "printed before the restore"
    );
    let told = String::from_utf8_lossy(&raw[told..]).into_owned();
    assert!(told.contains("asked for by SIDENOTE_TEST_PANIC"), "{told}");
    assert!(told.contains("were saved to notes/harbour.toml"), "{told}");
}

#[test]
fn a_panic_after_saved_work_leaves_the_sidecar_as_it_was() {
    let (dir, article) = common::copy_example("harbour-wire.txt");
    let mut session = Session::start(
        &["harbour-wire.txt"],
        dir.path(),
        &[("SIDENOTE_TEST_PANIC", "1")],
    );
    session.wait_for("Parliament narrowly backs");
    session.send("jjjc");
    session.wait_for("1 claim");
    // Saved right after the frame that shows it, before the next key is handled.
    session.send("?");
    session.wait_for("Anywhere");
    session.send("q");
    let before = std::fs::read(common::sidecar_of(&article)).unwrap();
    session.send("!");
    assert_eq!(session.wait_exit(), 101);
    session.assert_restored();
    assert_eq!(std::fs::read(common::sidecar_of(&article)).unwrap(), before);
    let raw = String::from_utf8_lossy(&session.raw()).into_owned();
    assert!(raw.contains("Your annotations are saved in"), "{raw}");
}

/// A short article is on screen before its names are found (the first time, the word
/// lists are read then): the first frame has its text and a panel "finding them…", and the
/// names follow without a key being pressed.
#[test]
fn a_short_article_is_shown_before_its_names_are_found() {
    let (dir, _) = common::copy_example("harbour-wire.txt");
    let mut session = Session::start(&["harbour-wire.txt"], dir.path(), &[]);
    session.wait_for("People");
    let raw = session.raw();
    let first = |word: &[u8]| raw.windows(word.len()).position(|w| w == word);
    let names = first(b"People").expect("the names");
    let text = first(b"Parliament").expect("the article");
    let finding = first(b"finding").expect("the panel finding the names");
    assert!(text < names && finding < names, "{text} {finding} {names}");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}

/// On a slow disk (a save made to wait 3 s, debug builds only) a change is on screen at
/// once, before it is saved; a key typed meanwhile is handled after the save, so quitting
/// right away still leaves the change in the sidecar.
#[test]
fn a_change_shows_before_a_slow_save_and_quitting_waits_for_it() {
    let (dir, article) = common::copy_example("harbour-wire.txt");
    let sidecar = common::sidecar_of(&article);
    let mut session = Session::start(
        &["harbour-wire.txt"],
        dir.path(),
        &[("SIDENOTE_TEST_SAVE_DELAY_MS", "3000")],
    );
    session.wait_for("Parliament narrowly backs");
    let pressed = Instant::now();
    session.send("jjjc");
    session.wait_for("1 claim");
    assert!(
        pressed.elapsed() < Duration::from_secs(2),
        "the claim waited for the save"
    );
    assert!(!sidecar.exists(), "saved before the claim was shown");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    assert!(
        pressed.elapsed() >= Duration::from_secs(3),
        "quit before the save"
    );
    let saved = std::fs::read_to_string(&sidecar).expect("the sidecar was saved");
    assert!(saved.contains("kind = \"claim\""), "{saved}");
}

#[test]
fn resizes_in_quick_succession_leave_a_working_interface() {
    let (dir, article) = common::copy_example("harbour-wire.txt");
    let mut session = Session::start(&["harbour-wire.txt"], dir.path(), &[]);
    session.wait_for("Parliament narrowly backs");
    for (cols, rows) in [
        (30, 8),
        (15, 3),
        (1, 1),
        (200, 60),
        (19, 4),
        (61, 12),
        (90, 25),
    ] {
        session.resize(cols, rows);
        std::thread::sleep(Duration::from_millis(3));
    }
    session.wait_for("Parliament narrowly");
    session.send("jjjc");
    session.wait_for("1 claim");
    session.resize(15, 3);
    session.wait_for("Terminal too");
    session.resize(90, 25);
    session.wait_for("1 claim");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
    assert!(
        std::fs::read_to_string(common::sidecar_of(&article))
            .unwrap()
            .contains("claim")
    );
}

/// Every screen, at every size from 1x1 to 40x12 and some bigger: drawn without a panic,
/// and a short "too small" message where nothing fits.
#[test]
fn every_screen_draws_at_every_size() {
    let (_dir, path) = common::copy_example("harbour-wire.txt");
    let states = [
        "",
        "?",
        "j j j c l",
        "j j j c i \"a_note\"",
        "tab",
        "tab /",
        "tab tab",
        "v w w",
        "j j j c V",
        "E",
    ];
    let mut sizes: Vec<(u16, u16)> = (1..=40)
        .flat_map(|w| (1..=12).map(move |h| (w, h)))
        .collect();
    sizes.extend([
        (59, 20),
        (60, 20),
        (61, 5),
        (80, 24),
        (200, 60),
        (300, 4),
        (4, 100),
    ]);
    for keys in states {
        let mut app = open(&path, 100, 30, "default");
        press(&mut app, keys);
        for &(width, height) in &sizes {
            app.update(Action::Resize(width, height));
            let terminal = screen(&app);
            if (width, height) == (15, 3) {
                let buf = terminal.backend().buffer();
                let top: String = (0..15).map(|x| buf[(x, 0)].symbol()).collect();
                assert!(
                    top.starts_with("Terminal too"),
                    "at 15x3 with {keys:?}: {top:?}"
                );
            }
        }
    }
}
