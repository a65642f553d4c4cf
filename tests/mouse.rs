//! The mouse as a convenience: a click places the cursor or chooses an entity, a drag
//! selects a span that `c` tags, the wheel scrolls; in the app and in the real binary.

mod common;
#[path = "common/pty.rs"]
mod pty;

use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use sidenote::annotation::Kind;
use sidenote::document::Document;
use sidenote::tui::App;

use common::app::{open, press, screen};

/// Where `word` is first drawn on the screen: (column, row).
fn find(app: &App, word: &str) -> (u16, u16) {
    let terminal = screen(app);
    let buffer = terminal.backend().buffer();
    for y in 0..buffer.area.height {
        let line: String = (0..buffer.area.width)
            .map(|x| buffer[(x, y)].symbol().to_string())
            .collect();
        if let Some(at) = line.find(word) {
            // Cells before it: every cell here is one character wide.
            let x = line[..at].chars().count() as u16;
            return (x, y);
        }
    }
    panic!("{word:?} is not on the screen");
}

fn mouse(app: &mut App, kind: MouseEventKind, (column, row): (u16, u16)) {
    app.handle_mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    });
}

fn cursor_sentence(app: &App) -> String {
    let article = &app.doc.article;
    article.sentence_text(app.cursor).to_string()
}

#[test]
fn a_click_puts_the_cursor_on_the_sentence_under_it() {
    let (_dir, path) = common::copy_example("harbour-wire.txt");
    let mut app = open(&path, 120, 40, "default");
    let at = find(&app, "Whitfield said construction");
    mouse(&mut app, MouseEventKind::Down(MouseButton::Left), at);
    mouse(&mut app, MouseEventKind::Up(MouseButton::Left), at);
    assert!(
        cursor_sentence(&app).starts_with("Port Authority spokesman Jonas Whitfield said"),
        "the cursor is on the clicked sentence: {:?}",
        cursor_sentence(&app)
    );
    assert!(app.selection.is_none(), "a click selects nothing");
}

#[test]
fn a_drag_selects_from_the_press_to_the_pointer_and_c_tags_exactly_that() {
    let (_dir, path) = common::copy_example("harbour-wire.txt");
    let mut app = open(&path, 120, 40, "default");
    let (x, y) = find(&app, "86 votes to 81");
    mouse(&mut app, MouseEventKind::Down(MouseButton::Left), (x, y));
    // Drag to the last character of "81".
    let end = (x + "86 votes to 81".len() as u16 - 1, y);
    mouse(&mut app, MouseEventKind::Drag(MouseButton::Left), end);
    mouse(&mut app, MouseEventKind::Up(MouseButton::Left), end);
    press(&mut app, "c");

    let doc = Document::open(&path, None).unwrap();
    let claims: Vec<String> = doc
        .annotations
        .iter()
        .filter(|a| a.kind == Kind::Claim)
        .map(|a| a.quote(&doc.article).to_string())
        .collect();
    assert_eq!(
        claims,
        ["86 votes to 81"],
        "the dragged words became the claim"
    );
}

#[test]
fn a_drag_backwards_selects_the_same_words() {
    let (_dir, path) = common::copy_example("harbour-wire.txt");
    let mut app = open(&path, 120, 40, "default");
    let (x, y) = find(&app, "86 votes to 81");
    let last = (x + "86 votes to 81".len() as u16 - 1, y);
    mouse(&mut app, MouseEventKind::Down(MouseButton::Left), last);
    mouse(&mut app, MouseEventKind::Drag(MouseButton::Left), (x, y));
    let selection = app.selection.expect("a drag selects");
    assert_eq!(&app.doc.article.text()[selection.range()], "86 votes to 81");
}

#[test]
fn the_wheel_scrolls_the_article_and_keeps_the_cursor_on_screen() {
    let (_dir, path) = common::copy_example("long-feature.txt");
    let mut app = open(&path, 100, 20, "default");
    let top = app.top;
    for _ in 0..10 {
        mouse(&mut app, MouseEventKind::ScrollDown, (10, 5));
    }
    assert!(app.top > top, "the article scrolled down");
    let cursor_row = app.row_of(app.doc.article.sentences()[app.cursor].range.start);
    assert!(
        cursor_row >= app.top,
        "the cursor came along, staying on screen"
    );
    for _ in 0..10 {
        mouse(&mut app, MouseEventKind::ScrollUp, (10, 5));
    }
    assert_eq!(app.top, top, "and back up to the start");
}

#[test]
fn a_click_in_the_panel_chooses_that_entity() {
    let (_dir, path) = common::copy_example("harbour-wire.txt");
    let mut app = open(&path, 120, 40, "default");
    let at = find(&app, "Jonas Whitfield");
    let at = if at.0 > 60 {
        at
    } else {
        // The article names him first; the panel's line is further right.
        let terminal = screen(&app);
        let buffer = terminal.backend().buffer();
        let y = (0..buffer.area.height)
            .find(|&y| {
                let line: String = (60..buffer.area.width)
                    .map(|x| buffer[(x, y)].symbol().to_string())
                    .collect();
                line.contains("Jonas Whitfield")
            })
            .expect("the panel lists Jonas Whitfield");
        (100, y)
    };
    mouse(&mut app, MouseEventKind::Down(MouseButton::Left), at);
    let chosen = app.doc.entities.get(app.entity).unwrap();
    assert_eq!(chosen.name, "Jonas Whitfield");
    assert_eq!(app.focus, sidenote::tui::app::Focus::Entities);
}

/// SGR mouse reports, as terminals send them: 1-based column and row.
fn sgr(button: u8, (x, y): (u16, u16), release: bool) -> String {
    let end = if release { 'm' } else { 'M' };
    format!("\x1b[<{button};{};{}{end}", x + 1, y + 1)
}

#[test]
fn a_click_and_a_drag_in_the_real_terminal_tag_the_dragged_words() {
    let (dir, path) = common::copy_example("harbour-wire.txt");
    // Where the words are, from the same layout the binary draws at 120x40.
    let app = open(&path, 120, 40, "default");
    let (x, y) = find(&app, "86 votes to 81");
    let last = (x + "86 votes to 81".len() as u16 - 1, y);
    drop(app);

    let mut session = pty::Session::start(&["harbour-wire.txt"], dir.path());
    session.wait_for("Parliament narrowly backs");
    // Each report arrives in one piece, as a terminal writes it.
    for report in [
        sgr(0, (x, y), false),
        sgr(32, last, false),
        sgr(0, last, true),
    ] {
        session.write_all(&report);
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    session.send("c");
    session.wait_for("1 claim");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);

    let doc = Document::open(&path, None).unwrap();
    let claim = doc.annotations.iter().next().expect("a claim was tagged");
    assert_eq!(claim.quote(&doc.article), "86 votes to 81");
    assert!(
        !session.contents().contains("\x1b[<"),
        "mouse reports are not typed as text"
    );
}
