//! What happens when the interface panics: the editor's work is saved first, then the
//! terminal is given back (raw mode off, main screen, cursor shown), and only then is the
//! panic's message printed, where the user can read it.
//!
//! The runner catches the unwind. A panic hook set here keeps the message instead of
//! printing it over the alternate screen, while the interface is on it, on whichever
//! thread panicked: the interface's, the loading thread's, or one of the loading thread's
//! helpers, whose panic reaches the loading thread when it joins them. Other panics go to
//! the hook that was there before.

use std::any::Any;
use std::backtrace::{Backtrace, BacktraceStatus};
use std::cell::RefCell;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::crossterm::{cursor::Show, event::DisableMouseCapture, execute};

use super::app::{App, SaveState};
use crate::annotation::Annotations;
use crate::entity::Correction;
use crate::suggest::Rejection;

/// Set while the interface loop runs.
static CATCHING: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// The message of a panic caught on this thread, to print once the terminal is back.
    /// The backtrace, when `RUST_BACKTRACE` asks for one, comes after the news of the work.
    static MESSAGE: RefCell<Option<(String, Option<String>)>> = const { RefCell::new(None) };
}

/// Keep the message of a panic in the interface loop for [`recover`] to print.
pub(super) fn defer_panic_messages() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if CATCHING.load(Ordering::Relaxed) {
            let backtrace = Backtrace::capture();
            let backtrace = (backtrace.status() == BacktraceStatus::Captured)
                .then(|| format!("stack backtrace:\n{backtrace}"));
            MESSAGE.with(|m| *m.borrow_mut() = Some((info.to_string(), backtrace)));
        } else {
            previous(info);
        }
    }));
}

/// Mark the start and end of the interface loop.
pub(super) fn catching(on: bool) {
    CATCHING.store(on, Ordering::Relaxed);
}

/// The editor's work as last shown on screen: what is on disk already; the document as it
/// is, when its last change is shown and about to be saved; or, when the last save failed,
/// a copy of the annotations (taken between events, so never half-changed).
pub(super) enum Shown {
    OnDisk,
    Saving,
    Unsaved(Box<(Annotations, Vec<Correction>, Vec<Rejection>)>),
}

impl Shown {
    /// What a frame about to be drawn shows; `saving` when a change in it is not saved yet
    /// (the loop saves it once the frame is out).
    pub(super) fn of(app: &App, saving: bool) -> Shown {
        match app.save_state {
            _ if saving => Shown::Saving,
            SaveState::Saved => Shown::OnDisk,
            SaveState::Failed => Shown::Unsaved(Box::new((
                app.doc.annotations.clone(),
                app.doc.corrections.clone(),
                app.doc.rejected.clone(),
            ))),
        }
    }
}

/// After a panic in the loop: save what was last shown, give the terminal back, print
/// the panic and what became of the work, and go on unwinding.
pub(super) fn recover(app: &mut App, shown: Shown, payload: Box<dyn Any + Send>) -> ! {
    catching(false);
    let saved = match shown {
        Shown::OnDisk => Ok(false),
        Shown::Saving => app.doc.save().map(|_| true),
        Shown::Unsaved(state) => {
            let (annotations, corrections, rejected) = *state;
            app.doc.annotations = annotations;
            app.doc.corrections = corrections;
            app.doc.rejected = rejected;
            app.doc.save().map(|_| true)
        }
    };
    let _ = execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
    let _ = execute!(std::io::stdout(), Show);
    let (message, backtrace) = MESSAGE
        .with(|m| m.borrow_mut().take())
        .unwrap_or_else(|| ("panic".to_string(), None));
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "sidenote stopped because of a bug: {message}");
    let sidecar = app.doc.sidecar_path().display();
    let _ = match saved {
        Ok(false) => writeln!(err, "Your annotations are saved in {sidecar}."),
        Ok(true) => writeln!(err, "Your annotations were saved to {sidecar}."),
        Err(cause) => writeln!(err, "Your last changes could not be saved: {cause}"),
    };
    if let Some(backtrace) = backtrace {
        let _ = writeln!(err, "{backtrace}");
    }
    drop(err);
    std::panic::resume_unwind(payload)
}

/// What a panic caught on this thread said: the message the hook kept (with where it
/// happened), else the payload's text.
pub(super) fn panic_text(payload: &(dyn Any + Send)) -> String {
    MESSAGE
        .with(|m| m.borrow_mut().take())
        .map(|(message, _)| message)
        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".to_string())
}

/// Lets the tests in a pseudo-terminal make the interface panic: with
/// `SIDENOTE_TEST_PANIC` set, the key `!` panics. Debug builds only.
#[cfg(debug_assertions)]
pub(super) fn test_trigger(event: &ratatui::crossterm::event::Event) {
    use ratatui::crossterm::event::{Event, KeyCode};
    if let Event::Key(key) = event
        && key.code == KeyCode::Char('!')
        && std::env::var_os("SIDENOTE_TEST_PANIC").is_some()
    {
        panic!("a panic asked for by SIDENOTE_TEST_PANIC");
    }
}

/// Lets the tests in a pseudo-terminal stand in for a slow disk: with
/// `SIDENOTE_TEST_SAVE_DELAY_MS` set, each save waits that long first. Debug builds only.
#[cfg(debug_assertions)]
pub(super) fn test_slow_disk() {
    if let Some(ms) = std::env::var("SIDENOTE_TEST_SAVE_DELAY_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}
