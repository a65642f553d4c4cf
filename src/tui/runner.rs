//! The terminal loop: set up the terminal, read events, draw when something changed.

use std::panic::AssertUnwindSafe;
use std::time::{Duration, Instant};

use std::io::{BufWriter, Stdout};

use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind,
};
use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use ratatui::crossterm::{execute, queue};

use super::action::Action;
use super::app::{App, Effect};
use super::backend::Output;
use super::crash;
use super::screen::Screen;
use super::view;
use crate::error::Error;

/// How long the loop waits for a key before [`App::tick`].
const TICK: Duration = Duration::from_secs(2);
/// How often the loop looks for what a big article's loading thread, or the thread
/// finding its suggestions again, has sent.
const LOADING_TICK: Duration = Duration::from_millis(8);

/// The terminal, written a frame at a time: one write per frame rather than one per
/// kilobyte, so that a frame is never seen half drawn while another thread is busy.
type TerminalScreen = Screen<Output<BufWriter<Stdout>>>;

/// Restores the terminal when the loop ends, however it ends. During a panic
/// [`crash::recover`] restores it first, and the backtrace is left alone.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            let _ = execute!(std::io::stdout(), DisableMouseCapture);
            ratatui::restore();
        }
    }
}

/// Run the interface until the user quits. Every change is saved as it happens.
pub fn run(app: &mut App) -> Result<(), Error> {
    // A panic hook that restores the terminal, raw mode and the alternate screen, as
    // `ratatui::init` sets them up (without the terminal it would build and we would drop);
    // then our own buffered output.
    restore_on_panic();
    enable_raw_mode().map_err(Error::Terminal)?;
    let _restore = Restore;
    // The alternate screen and the mouse are asked for in the first frame's write, not in
    // writes of their own before it. The mouse is a convenience: a terminal that cannot
    // report it still has every key.
    let mut output = BufWriter::with_capacity(1 << 16, std::io::stdout());
    queue!(output, EnterAlternateScreen, EnableMouseCapture).map_err(Error::Terminal)?;
    let mut terminal = Screen::new(Output::new(output)).map_err(Error::Terminal)?;
    // A panic saves the work shown last, then restores the terminal, then prints.
    crash::defer_panic_messages();
    crash::catching(true);
    let mut shown = crash::Shown::of(app, false);
    let result = std::panic::catch_unwind(AssertUnwindSafe(|| {
        run_loop(app, &mut terminal, &mut shown)
    }));
    crash::catching(false);
    result.unwrap_or_else(|payload| crash::recover(app, shown, payload))
}

/// Give the terminal back before a panic's message is printed (the hook [`crash`] sets
/// on top of this one keeps the interface loop's own panics for later).
fn restore_on_panic() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        ratatui::restore();
        previous(info);
    }));
}

fn run_loop(
    app: &mut App,
    terminal: &mut TerminalScreen,
    shown: &mut crash::Shown,
) -> Result<(), Error> {
    // The first frame tells the app the terminal's size (see `draw`).
    let mut changed = true;
    // A change's save, run once its frame is out: a key is answered without waiting on the
    // disk (a save flushes two files, milliseconds on a slow disk). A key that comes
    // meanwhile is handled after the save, as if the save had come first.
    let mut save = None;
    let mut last_tick = Instant::now();
    while !app.quit {
        if changed {
            *shown = crash::Shown::of(app, save.is_some());
            draw(app, terminal)?;
        }
        if app.unanalysed {
            app.analyse();
            changed = true;
            continue;
        }
        if let Some(effect) = save.take() {
            app.perform(effect);
            *shown = crash::Shown::of(app, false);
            // A failed save or another program's changes taken in show a message.
            changed = true;
            continue;
        }
        // Wait for an event, then take every one already waiting before drawing again.
        // With none for a while, retry a failed save and take in other programs' saves;
        // while a big article loads or its suggestions are found again, take in what the
        // thread sent.
        let wait = if app.loading.is_some() || app.refresh.is_some() {
            LOADING_TICK
        } else {
            TICK
        };
        changed = app.receive()?;
        if !event::poll(wait).map_err(Error::Terminal)? {
            if last_tick.elapsed() >= TICK {
                app.tick();
                last_tick = Instant::now();
                changed = true;
            }
            continue;
        }
        let mut next = Some(event::read().map_err(Error::Terminal)?);
        while let Some(event) = next.take() {
            if let Some(effect) = handle(app, event) {
                save = Some(effect);
            }
            if !app.quit && event::poll(Duration::ZERO).map_err(Error::Terminal)? {
                if let Some(effect) = save.take() {
                    app.perform(effect);
                }
                next = Some(event::read().map_err(Error::Terminal)?);
            }
        }
        changed = true;
    }
    if let Some(effect) = save {
        app.perform(effect);
    }
    Ok(())
}

/// Draw a frame at the terminal's size, telling the app first if that changed: a resize
/// whose event is not read yet (while a small article was analysed, or a change saved)
/// would have the views draw outside the frame.
fn draw(app: &mut App, terminal: &mut TerminalScreen) -> Result<(), Error> {
    let size = terminal.size().map_err(Error::Terminal)?;
    if (size.width, size.height) != (app.area.width, app.area.height) {
        app.update(Action::Resize(size.width, size.height));
    }
    terminal
        .draw_at(size, |buf| view::draw(buf, app))
        .map_err(Error::Terminal)
}

/// Handle one event; a change to the work returns its save, for the loop to run.
fn handle(app: &mut App, event: Event) -> Option<Effect> {
    #[cfg(debug_assertions)]
    crash::test_trigger(&event);
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => return app.handle_key(key),
        Event::Mouse(mouse) => app.handle_mouse(mouse),
        Event::Resize(width, height) => {
            app.update(Action::Resize(width, height));
        }
        _ => {}
    }
    None
}
