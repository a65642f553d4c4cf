//! The real binary in a pseudo-terminal: type keys, read the screen, check the files.

mod common;

use std::io::{Read, Write};
use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(20);

/// sidenote running in a 120x40 pseudo-terminal, its output parsed as a terminal would.
struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    _master: Box<dyn MasterPty + Send>,
}

impl Session {
    fn start(args: &[&str], cwd: &Path) -> Session {
        Session::start_with(args, cwd, &[])
    }

    fn start_with(args: &[&str], cwd: &Path, env: &[(&str, &str)]) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 40,
                cols: 120,
                pixel_width: 0,
                pixel_height: 0,
            })
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
        let screen = Arc::new(Mutex::new(vt100::Parser::new(40, 120, 0)));
        let parser = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                parser.lock().unwrap().process(&buf[..n]);
            }
        });
        Session {
            child,
            writer,
            screen,
            _master: pty.master,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Wait until the screen shows `text`.
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

    /// Send keys one at a time, as a person types them.
    fn send(&mut self, keys: &str) {
        for byte in keys.bytes() {
            self.writer.write_all(&[byte]).unwrap();
            self.writer.flush().unwrap();
            std::thread::sleep(Duration::from_millis(15));
        }
    }

    /// Wait for the process to end and return its exit code.
    fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            assert!(start.elapsed() < TIMEOUT, "sidenote did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The terminal is back to normal: main screen, cursor shown.
    fn assert_restored(&self) {
        // Let the reader thread take the last bytes.
        std::thread::sleep(Duration::from_millis(200));
        let parser = self.screen.lock().unwrap();
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "left in the alternate screen");
        assert!(!screen.hide_cursor(), "left with the cursor hidden");
    }
}

fn sidecar_text(article: &Path) -> String {
    std::fs::read_to_string(common::sidecar_of(article)).expect("the sidecar exists")
}

/// Tag the fourth sentence as a claim and the next one as a source, link them.
fn tag_claim_and_source(session: &mut Session) {
    session.send("jjjc");
    session.wait_for("1 claim");
    session.send("js");
    session.wait_for("1 source");
    session.send("kl");
    session.wait_for("link claim c1 to");
    session.send("source\r");
    session.wait_for("Linked c1 to s1");
}

#[test]
fn tag_link_quit_and_reopen() {
    let (dir, article) = common::copy_example("harbour-wire.txt");
    let mut session = Session::start(&["harbour-wire.txt"], dir.path());
    session.wait_for("Parliament narrowly backs");
    tag_claim_and_source(&mut session);
    let screen = session.contents();
    assert!(
        screen.contains(" 4 ▶C  The plan passed"),
        "claim mark shown:\n{screen}"
    );
    assert!(
        screen.contains("S \"This is not"),
        "source mark shown:\n{screen}"
    );
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();

    let sidecar = sidecar_text(&article);
    let parsed: toml::Table = toml::from_str(&sidecar).unwrap();
    assert_eq!(parsed["format"].as_str(), Some("sidenote/1"));
    let annotations = parsed["annotation"].as_array().unwrap();
    let claim = annotations
        .iter()
        .find(|a| a["kind"].as_str() == Some("claim"))
        .unwrap();
    assert_eq!(claim["sources"].as_array().unwrap()[0].as_str(), Some("s1"));
    assert!(
        claim["quote"]
            .as_str()
            .unwrap()
            .starts_with("The plan passed by 86 votes")
    );

    let mut again = Session::start(&["harbour-wire.txt"], dir.path());
    again.wait_for("1 claim · 1 source");
    let screen = again.contents();
    assert!(screen.contains(" 4  C  The plan passed"), "{screen}");
    again.send("q");
    assert_eq!(again.wait_exit(), 0);
}

#[test]
fn nothing_is_lost_when_the_process_is_killed() {
    let (dir, article) = common::copy_example("harbour-wire.txt");
    let mut session = Session::start(&["harbour-wire.txt"], dir.path());
    session.wait_for("Parliament narrowly backs");
    tag_claim_and_source(&mut session);
    // A change is saved right after the frame that shows it, before the next key is
    // handled: once a later key is answered, the link is on disk.
    session.send("?");
    session.wait_for("Anywhere");
    let pid = session.child.process_id().expect("a process id");
    let killed = Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    session.wait_exit();

    let sidecar = sidecar_text(&article);
    assert!(
        sidecar.contains("id = \"c1\"") && sidecar.contains("id = \"s1\""),
        "{sidecar}"
    );
    assert!(sidecar.contains("sources = [\"s1\"]"), "{sidecar}");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn a_broken_sidecar_stops_sidenote_and_is_left_untouched() {
    let (dir, article) = common::copy_example("harbour-wire.txt");
    let broken = "format = \"sidenote/1\"\n\n[article\nfile = \"harbour-wire.txt\"\n";
    std::fs::write(common::sidecar_of(&article), broken).unwrap();
    let mut session = Session::start(&["harbour-wire.txt"], dir.path());
    session.wait_for("line 3, column");
    assert_ne!(session.wait_exit(), 0);
    let screen = session.contents();
    assert!(
        screen.contains("harbour-wire.txt.sidenote.toml"),
        "{screen}"
    );
    session.assert_restored();
    assert_eq!(
        std::fs::read_to_string(common::sidecar_of(&article)).unwrap(),
        broken
    );
}

#[test]
fn the_demo_opens_without_an_argument() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::start(&[], dir.path());
    session.wait_for("demo.txt · 0 claims");
    session.send("c");
    session.wait_for("1 claim");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.wait_for("The demo article and your annotations are in");
    // The scratch copy holds the sidecar; the folder it ran in stays empty.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// Whether any cell on screen has a foreground or background colour.
fn any_colour(session: &Session) -> bool {
    let parser = session.screen.lock().unwrap();
    let screen = parser.screen();
    (0..40).any(|row| {
        (0..120).any(|col| {
            screen.cell(row, col).is_some_and(|cell| {
                cell.fgcolor() != vt100::Color::Default || cell.bgcolor() != vt100::Color::Default
            })
        })
    })
}

#[test]
fn no_color_draws_without_colour_and_marks_claims_by_underline() {
    let (dir, _article) = common::copy_example("demo.txt");
    let mut session = Session::start_with(&["demo.txt"], dir.path(), &[("NO_COLOR", "1")]);
    session.wait_for("demo.txt · 0 claims");
    session.send("jjcg");
    session.wait_for("1 claim");
    assert!(!any_colour(&session), "NO_COLOR means no colour");
    {
        let parser = session.screen.lock().unwrap();
        let screen = parser.screen();
        let underlined = (0..40).any(|row| {
            (8..80).any(|col| {
                screen
                    .cell(row, col)
                    .is_some_and(|c| c.underline() && c.contents() != " ")
            })
        });
        assert!(underlined, "the claim is underlined");
    }
    session.send("q");
    assert_eq!(session.wait_exit(), 0);

    // The default theme does use colour, and --theme mono turns it off again.
    let mut coloured = Session::start(&["demo.txt"], dir.path());
    coloured.wait_for("demo.txt · 1 claim");
    assert!(any_colour(&coloured));
    coloured.send("q");
    coloured.wait_exit();
    let mut mono = Session::start(&["--theme", "mono", "demo.txt"], dir.path());
    mono.wait_for("demo.txt · 1 claim");
    assert!(!any_colour(&mono));
    mono.send("q");
    mono.wait_exit();
}

#[test]
fn accept_reject_verdict_and_note_reach_the_sidecar() {
    let (dir, article) = common::copy_example("clinic-waiting-times.txt");
    let mut session = Session::start(&["clinic-waiting-times.txt"], dir.path());
    session.wait_for("Walk-in clinic waits");
    // Reject the first suggestion, accept the second, then give it a verdict and a note.
    session.send("]");
    session.wait_for("Suggested claim");
    session.send("x");
    session.wait_for("Rejected");
    session.send("]a");
    session.wait_for("1 claim");
    session.send("V");
    session.wait_for("mostly false");
    session.send("mixed\r");
    session.wait_for("mixed");
    session.send("iAsk the health board for the 2011 figures.\x1b");
    session.wait_for("Note saved");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();

    let sidecar: toml::Table = toml::from_str(&sidecar_text(&article)).unwrap();
    assert_eq!(sidecar["rejected"].as_array().unwrap().len(), 1);
    let claims: Vec<&toml::Value> = sidecar["annotation"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"].as_str() == Some("claim"))
        .collect();
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0]["verdict"].as_str(), Some("mixed"));
    assert_eq!(
        claims[0]["note"].as_str(),
        Some("Ask the health board for the 2011 figures.")
    );
}
