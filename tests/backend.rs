//! The interface writes its frames with its own cell writer (`tui::backend::Output`)
//! instead of crossterm's: the terminal must show exactly what crossterm's would, for every
//! colour, attribute and change between them, and after a frame that changes only part of
//! the screen. A blank cell is the same when its background is: `Output` writes blanks
//! without the text colour, and erases a long run of them.

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

use proptest::prelude::*;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use sidenote::tui::backend::Output;

const WIDTH: u16 = 24;
const HEIGHT: u16 = 6;

/// A writer whose bytes stay readable after the backend took it.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// What a terminal shows after each frame is written by `backend` as a diff from the last.
fn screen<B: Backend>(backend: &mut B, bytes: &Shared, frames: &[Buffer]) -> vt100::Parser
where
    B::Error: std::fmt::Debug,
{
    let mut parser = vt100::Parser::new(HEIGHT, WIDTH, 0);
    let mut previous = Buffer::empty(Rect::new(0, 0, WIDTH, HEIGHT));
    for frame in frames {
        backend.draw(previous.diff(frame).into_iter()).unwrap();
        backend.flush().unwrap();
        previous = frame.clone();
    }
    parser.process(&bytes.0.borrow());
    parser
}

/// Every cell the two terminals differ in: position, then both cells described.
fn differences(frames: &[Buffer]) -> Vec<String> {
    let ours_bytes = Shared::default();
    let theirs_bytes = Shared::default();
    let ours = screen(&mut Output::new(ours_bytes.clone()), &ours_bytes, frames);
    let theirs = screen(
        &mut CrosstermBackend::new(theirs_bytes.clone()),
        &theirs_bytes,
        frames,
    );
    let describe = |p: &vt100::Parser, row, col| {
        let cell = p.screen().cell(row, col).unwrap();
        // Of a blank cell, written or erased, only the background shows (unless it is
        // reversed or underlined): `Output` leaves the text colour and the attributes that
        // do not show as they were, for the next word.
        if cell.contents().trim().is_empty() && !cell.inverse() && !cell.underline() {
            return format!("blank, bg {:?}", cell.bgcolor());
        }
        format!(
            "{:?} fg {:?} bg {:?} bold {} dim {} italic {} underline {} inverse {}",
            cell.contents(),
            cell.fgcolor(),
            cell.bgcolor(),
            cell.bold(),
            cell.dim(),
            cell.italic(),
            cell.underline(),
            cell.inverse()
        )
    };
    let mut found = Vec::new();
    for row in 0..HEIGHT {
        for col in 0..WIDTH {
            let (a, b) = (describe(&ours, row, col), describe(&theirs, row, col));
            if a != b {
                found.push(format!("({col},{row}): ours {a} / crossterm {b}"));
            }
        }
    }
    found
}

const COLORS: [Color; 20] = [
    Color::Reset,
    Color::Black,
    Color::Red,
    Color::Green,
    Color::Yellow,
    Color::Blue,
    Color::Magenta,
    Color::Cyan,
    Color::Gray,
    Color::DarkGray,
    Color::LightRed,
    Color::LightGreen,
    Color::LightYellow,
    Color::LightBlue,
    Color::LightMagenta,
    Color::LightCyan,
    Color::White,
    Color::Indexed(0),
    Color::Indexed(208),
    Color::Rgb(12, 200, 255),
];

const MODIFIERS: [Modifier; 6] = [
    Modifier::BOLD,
    Modifier::DIM,
    Modifier::ITALIC,
    Modifier::UNDERLINED,
    Modifier::REVERSED,
    Modifier::CROSSED_OUT,
];

fn style(fg: usize, bg: usize, modifiers: u8) -> Style {
    let modifier = MODIFIERS
        .iter()
        .enumerate()
        .filter(|(i, _)| modifiers & (1 << i) != 0)
        .fold(Modifier::empty(), |all, (_, m)| all | *m);
    Style::new()
        .fg(COLORS[fg % COLORS.len()])
        .bg(COLORS[bg % COLORS.len()])
        .add_modifier(modifier)
}

#[test]
fn every_colour_and_attribute_looks_as_crossterm_draws_it() {
    let mut frame = Buffer::empty(Rect::new(0, 0, WIDTH, HEIGHT));
    for (i, _) in COLORS.iter().enumerate() {
        let (x, y) = ((i as u16 * 5) % WIDTH, (i as u16 * 5) / WIDTH);
        frame.set_string(x, y, "ab", style(i, COLORS.len() - 1 - i, i as u8));
    }
    // Bold and dim ended one at a time, with the other kept; a wide character; a gap.
    frame.set_string(0, 5, "B", style(2, 0, 0b11));
    frame.set_string(1, 5, "d", style(2, 0, 0b10));
    frame.set_string(2, 5, "b", style(2, 0, 0b01));
    frame.set_string(3, 5, "界x", style(19, 18, 0b100));
    frame.set_string(9, 5, "end", Style::new());
    assert_eq!(differences(&[frame]), Vec::<String>::new());
}

#[test]
fn a_frame_that_changes_part_of_the_screen_leaves_the_same_screen() {
    let area = Rect::new(0, 0, WIDTH, HEIGHT);
    let mut first = Buffer::empty(area);
    first.set_string(0, 0, "The council voted 86 to 81", style(19, 0, 0b1));
    first.set_string(0, 2, "said Mayor Berg", style(3, 9, 0b100));
    let mut second = first.clone();
    second.set_string(5, 0, "COUNCIL", style(18, 4, 0b10010));
    second.set_string(0, 3, "界界", style(0, 19, 0));
    assert_eq!(differences(&[first, second]), Vec::<String>::new());
}

#[test]
fn rows_emptied_after_their_last_word_look_the_same_in_fewer_bytes() {
    // As `G` does: every row's text replaced by a shorter one, the rest of the row blank,
    // with blanks in the colour of a margin between the words.
    let area = Rect::new(0, 0, WIDTH, HEIGHT);
    let mut first = Buffer::empty(area);
    let mut second = Buffer::empty(area);
    for y in 0..HEIGHT {
        first.set_string(0, y, "x".repeat(usize::from(WIDTH)), style(3, 0, 0b100));
        second.set_string(0, y, "  ", style(9, 0, 0));
        second.set_string(2, y, "fish.", style(3, 0, 0b100));
        second.set_string(7, y, " ".repeat(usize::from(WIDTH) - 7), style(9, 0, 0b1));
    }
    assert_eq!(
        differences(&[first.clone(), second.clone()]),
        Vec::<String>::new()
    );
    let ours = Shared::default();
    Output::new(ours.clone())
        .draw(first.diff(&second).into_iter())
        .unwrap();
    let theirs = Shared::default();
    let mut crossterm = CrosstermBackend::new(theirs.clone());
    crossterm.draw(first.diff(&second).into_iter()).unwrap();
    Backend::flush(&mut crossterm).unwrap();
    let (ours, theirs) = (ours.0.borrow().len(), theirs.0.borrow().len());
    assert!(
        ours * 2 < theirs,
        "{ours} bytes against crossterm's {theirs}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn any_styles_look_as_crossterm_draws_them(
        cells in proptest::collection::vec((0u16..WIDTH, 0u16..HEIGHT, "([a-z界é ─]|e\u{301}){1,3}", 0usize..20, 0usize..20, 0u8..64), 1..40),
        split in 0usize..40,
    ) {
        let area = Rect::new(0, 0, WIDTH, HEIGHT);
        let mut frames = vec![Buffer::empty(area), Buffer::empty(area)];
        for (i, (x, y, text, fg, bg, modifiers)) in cells.iter().enumerate() {
            // Cells before `split` are in both frames; the rest only in the second.
            let frame = usize::from(i >= split);
            if frame == 0 {
                frames[1].set_string(*x, *y, text, style(*fg, *bg, *modifiers));
            }
            frames[frame].set_string(*x, *y, text, style(*fg, *bg, *modifiers));
        }
        prop_assert_eq!(differences(&frames), Vec::<String>::new());
    }
}
