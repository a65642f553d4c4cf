//! The real binary in a pseudo-terminal, for the tests of several processes and of kills.
//! Included with `#[path]` by the tests that need it, so other tests do not build it.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const TIMEOUT: Duration = Duration::from_secs(20);

/// sidenote running in a 120x40 pseudo-terminal, its output parsed as a terminal would.
pub struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    _master: Box<dyn MasterPty + Send>,
}

impl Session {
    pub fn start(args: &[&str], cwd: &Path) -> Session {
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

    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Wait until the screen shows `text`.
    pub fn wait_for(&self, text: &str) {
        self.wait_until(text, TIMEOUT, |screen| screen.contains(text));
    }

    /// Wait until the screen is as `done` says, for at most `timeout`; `what` names the
    /// wait when it times out.
    pub fn wait_until(&self, what: &str, timeout: Duration, done: impl Fn(&str) -> bool) {
        let start = Instant::now();
        while !done(&self.contents()) {
            assert!(
                start.elapsed() < timeout,
                "timed out waiting for {what:?}; the screen shows:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The terminal is back to normal: main screen, cursor shown.
    pub fn assert_restored(&self) {
        // Let the reader thread take the last bytes.
        std::thread::sleep(Duration::from_millis(200));
        let parser = self.screen.lock().unwrap();
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "left in the alternate screen");
        assert!(!screen.hide_cursor(), "left with the cursor hidden");
    }

    /// Send keys one at a time, `pause` apart.
    pub fn type_keys(&mut self, keys: &str, pause: Duration) {
        for byte in keys.bytes() {
            self.writer.write_all(&[byte]).unwrap();
            self.writer.flush().unwrap();
            std::thread::sleep(pause);
        }
    }

    /// Send bytes in one write, as a terminal sends an escape sequence (byte by byte, a
    /// lone escape could be read as the Esc key).
    pub fn write_all(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Send keys as a person types them.
    pub fn send(&mut self, keys: &str) {
        self.type_keys(keys, Duration::from_millis(15));
    }

    /// Wait for the process to end and return its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            assert!(start.elapsed() < TIMEOUT, "sidenote did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Kill the process outright (SIGKILL: no chance to clean up) and wait for it.
    pub fn kill(&mut self) {
        let pid = self.child.process_id().expect("a process id");
        let killed = std::process::Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        self.wait_exit();
    }
}
