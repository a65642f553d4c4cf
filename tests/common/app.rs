//! Driving the interface in tests: open an article in an app the size of a terminal, type
//! keys, draw the screen into ratatui's `TestBackend`.

use std::path::Path;

use ratatui::backend::TestBackend;
use sidenote::config::Config;
use sidenote::document::Document;
use sidenote::tui::screen::Screen;
use sidenote::tui::{Action, App, Keymap, Theme, parse_key, view};

/// Open an article in an app `width` x `height` cells, in a built-in theme.
pub fn open(path: &Path, width: u16, height: u16, theme: &str) -> App {
    let doc = Document::open(path, None).expect("open article");
    let mut app = App::new(doc, Keymap::default(), Theme::load(theme).unwrap());
    app.update(Action::Resize(width, height));
    app
}

/// Open an article as the binary does with a config: its keymap, its theme (else the
/// default), its author and verdicts.
pub fn open_with(path: &Path, width: u16, height: u16, config: Config) -> App {
    let doc = Document::open(path, None).expect("open article");
    let keymap = Keymap::with_config(&config).expect("the config's keys");
    let theme = match config.theme_name() {
        Some(name) => Theme::find(&name, &config.theme_folders()).expect("the config's theme"),
        None => Theme::load("default").unwrap(),
    };
    let mut app = App::new(doc, keymap, theme).with_config(config);
    app.update(Action::Resize(width, height));
    app
}

/// Keys as the keymap writes them, separated by spaces ("j j c", "ctrl-r"); `"text"` in
/// quotes types each character (`_` is a space, `/` a new line in a note).
pub fn press(app: &mut App, keys: &str) {
    for key in keys.split_whitespace() {
        if let Some(text) = key.strip_prefix('"').and_then(|k| k.strip_suffix('"')) {
            for c in text.chars() {
                let key = match c {
                    '_' => "space".to_string(),
                    '/' => "enter".to_string(),
                    c => c.to_string(),
                };
                press(app, &key);
            }
            continue;
        }
        let key = parse_key(key).unwrap_or_else(|| panic!("`{key}` is not a key"));
        if let Some(effect) = app.handle_key(key) {
            app.perform(effect);
        }
    }
}

/// The screen as the app draws it now, written to ratatui's `TestBackend` as the binary
/// writes it to the terminal.
pub fn screen(app: &App) -> Screen<TestBackend> {
    let mut screen = Screen::new(TestBackend::new(app.area.width, app.area.height)).unwrap();
    screen.draw(|buf| view::draw(buf, app)).unwrap();
    screen
}
