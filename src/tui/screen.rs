//! The screen: each frame the views draw into a buffer, and only the cells that changed
//! since the frame before are written to the terminal.
//!
//! ratatui's `Terminal` does the same with two buffers of the whole screen, both made
//! before the first frame, and compares the first frame with the blank one. Here the
//! buffer the first frame is compared with is never made: the terminal's alternate screen
//! starts blank, so the first frame writes the cells that are not blank, and the second
//! buffer is made once that frame is on screen. At 120x40 a buffer is a quarter of a
//! megabyte, each page of it faulted in as it is filled: making it took 0.28 ms of the
//! 1.4 ms from `main` to the first frame. Later frames are compared cell by cell as
//! ratatui's [`Buffer::diff_iter`] compares them, with fewer instructions a cell; property
//! tests check that both comparisons give the same cells in the same order.

use ratatui::backend::{Backend, ClearType};
use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::layout::{Position, Rect, Size};
use ratatui::style::{Color, Modifier};

/// A terminal drawn a frame at a time.
pub struct Screen<B: Backend> {
    backend: B,
    /// What the next frame is drawn into, blank before it is.
    next: Buffer,
    /// What the terminal shows; `None` while it is blank, before the first frame and
    /// after a change of size clears it.
    shown: Option<Buffer>,
    cursor_hidden: bool,
}

impl<B: Backend> Screen<B> {
    pub fn new(backend: B) -> Result<Screen<B>, B::Error> {
        let area = Rect::from((Position::ORIGIN, backend.size()?));
        Ok(Screen {
            backend,
            next: Buffer::empty(area),
            shown: None,
            cursor_hidden: false,
        })
    }

    pub fn size(&self) -> Result<Size, B::Error> {
        self.backend.size()
    }

    pub fn backend(&self) -> &B {
        &self.backend
    }

    /// Draw a frame: `render` draws into a blank buffer the size of the terminal, then the
    /// cells that changed are written and the output flushed. When the terminal's size
    /// has changed, the screen is cleared and the whole frame written.
    pub fn draw(&mut self, render: impl FnOnce(&mut Buffer)) -> Result<(), B::Error> {
        let size = self.backend.size()?;
        self.draw_at(size, render)
    }

    /// [`Screen::draw`] at a size already asked of the terminal.
    pub fn draw_at(
        &mut self,
        size: Size,
        render: impl FnOnce(&mut Buffer),
    ) -> Result<(), B::Error> {
        let area = Rect::from((Position::ORIGIN, size));
        if area != self.next.area {
            self.backend.clear_region(ClearType::All)?;
            self.next = Buffer::empty(area);
            self.shown = None;
        }
        render(&mut self.next);
        match &self.shown {
            Some(shown) => self.backend.draw(against(shown, &self.next))?,
            None => self.backend.draw(against_blank(&self.next))?,
        }
        if !self.cursor_hidden {
            self.backend.hide_cursor()?;
            self.cursor_hidden = true;
        }
        self.backend.flush()?;
        // The frame is shown; the buffer shown before, blanked, is the next one drawn into.
        let blank = match self.shown.take() {
            Some(mut old) => {
                old.reset();
                old
            }
            None => Buffer::empty(area),
        };
        self.shown = Some(std::mem::replace(&mut self.next, blank));
        Ok(())
    }
}

impl<B: Backend> Drop for Screen<B> {
    /// Give the cursor back, as ratatui's `Terminal` does.
    fn drop(&mut self) {
        if self.cursor_hidden {
            let _ = self.backend.show_cursor();
            let _ = self.backend.flush();
        }
    }
}

/// The cells of `next` that differ from a blank cell, with where they are: what
/// `Buffer::empty(next.area).diff_iter(next)` gives, without a blank buffer. As there,
/// the cells that a wide character covers are left out, and so are cells marked to skip.
fn against_blank(next: &Buffer) -> impl Iterator<Item = (u16, u16, &Cell)> {
    let cells = next.content();
    let area = next.area;
    let at = move |i: usize| place(area, i, cells);
    let mut i = 0;
    // The cells under a wide emoji with a variation selector, which are compared one by
    // one: from, up to.
    let mut under: Option<(usize, usize)> = None;
    std::iter::from_fn(move || {
        if let Some((from, to)) = &mut under {
            while *from < *to {
                let j = *from;
                let symbol = cells[j].symbol();
                *from += width(&cells[j], symbol).max(1);
                *to = (*to).max(*from).min(cells.len());
                if !skipped(&cells[j]) && symbol != " " {
                    return Some(at(j));
                }
            }
            i = *to;
            under = None;
        }
        while i < cells.len() {
            let cell = &cells[i];
            let here = i;
            i += 1;
            match cell.diff_option {
                CellDiffOption::Skip => {}
                _ if skipped(cell) => {}
                CellDiffOption::ForcedWidth(width) => {
                    // Never blank: a blank cell's option is `None`.
                    i += usize::from(width.get()) - 1;
                    return Some(at(here));
                }
                CellDiffOption::None | CellDiffOption::AlwaysUpdate => {
                    let symbol = cell.symbol();
                    if blank(cell, symbol) {
                        continue;
                    }
                    let width = width(cell, symbol);
                    if width > 1 && symbol.contains('\u{FE0F}') {
                        under = Some((here + 1, (here + width).min(cells.len())));
                    } else if width > 1 {
                        i += width - 1;
                    }
                    return Some(at(here));
                }
            }
        }
        None
    })
}

/// The cells of `next` that differ from `shown`, with where they are: what
/// `shown.diff_iter(next)` gives, in its order. That comparison asks every cell its width
/// and compares whole cells with `==`, each asking both cells' symbols again: when `G`
/// changes the whole screen, a third of the frame. Here each symbol is read once, a
/// one-byte symbol (most of them) is one column and compared as a byte, and the symbols
/// are compared before the styles. [`against_blank`] does the same for the first frame,
/// with a blank cell's test in place of the comparison: made one function with this one,
/// comparing with a blank cell, the first frame took 2.05 million instructions, not 1.90.
fn against<'a>(shown: &'a Buffer, next: &'a Buffer) -> impl Iterator<Item = (u16, u16, &'a Cell)> {
    let (before, cells) = (shown.content(), next.content());
    let len = cells.len().min(before.len());
    let area = next.area;
    let at = move |i: usize| place(area, i, cells);
    let mut i = 0;
    // The cells after a wide one that are compared one by one: from, up to, and whether
    // each is written even with its symbol unchanged (a wide character's coloured
    // background can stay on screen where a narrow one replaced it).
    let mut trailing: Option<(usize, usize, bool)> = None;
    std::iter::from_fn(move || {
        if let Some((from, to, force)) = &mut trailing {
            while *from < *to {
                let j = *from;
                *from += width(&cells[j], cells[j].symbol()).max(1);
                *to = (*to).max(*from).min(len);
                if !skipped(&cells[j]) && (*force || before[j].symbol() != cells[j].symbol()) {
                    return Some(at(j));
                }
            }
            i = *to;
            trailing = None;
        }
        while i < len {
            let (cell, was) = (&cells[i], &before[i]);
            let here = i;
            i += 1;
            match cell.diff_option {
                CellDiffOption::Skip => {}
                _ if skipped(cell) => {}
                CellDiffOption::ForcedWidth(width) => {
                    i = i.saturating_add(usize::from(width.get()) - 1);
                    if !same(cell, cell.symbol(), was, was.symbol()) {
                        return Some(at(here));
                    }
                }
                CellDiffOption::None | CellDiffOption::AlwaysUpdate => {
                    let (symbol, was_symbol) = (cell.symbol(), was.symbol());
                    let wide = width(cell, symbol);
                    if cell.diff_option == CellDiffOption::None
                        && same(cell, symbol, was, was_symbol)
                    {
                        i += wide.saturating_sub(1);
                        continue;
                    }
                    let was_wide = width(was, was_symbol);
                    if wide > 1 && symbol.contains('\u{FE0F}') {
                        trailing = Some((here + 1, (here + wide).min(len), false));
                    } else if wide > 1 {
                        i += wide - 1;
                    } else if was_wide > wide
                        && (was.bg != Color::Reset || was.modifier.intersects(VISIBLE_ON_BLANK))
                    {
                        trailing = Some((here + 1, (here + was_wide).min(len), true));
                    }
                    return Some(at(here));
                }
            }
        }
        None
    })
}

/// Cell `i` of a buffer's cells, with its column and row.
fn place(area: Rect, i: usize, cells: &[Cell]) -> (u16, u16, &Cell) {
    let width = usize::from(area.width);
    let x = (i % width) as u16 + area.x;
    let y = (i / width) as u16 + area.y;
    (x, y, &cells[i])
}

/// The modifiers that show on a blank cell, as ratatui's comparison lists them.
const VISIBLE_ON_BLANK: Modifier = Modifier::REVERSED
    .union(Modifier::UNDERLINED)
    .union(Modifier::SLOW_BLINK)
    .union(Modifier::RAPID_BLINK)
    .union(Modifier::CROSSED_OUT);

/// `Cell::cell_width`, given the cell's symbol: a symbol of one byte is one column.
fn width(cell: &Cell, symbol: &str) -> usize {
    match cell.diff_option {
        CellDiffOption::ForcedWidth(width) => usize::from(width.get()),
        _ if symbol.len() == 1 => 1,
        _ => usize::from(symbol.cell_width()),
    }
}

/// `a == b`, given the cells' symbols: the symbols first, which differ most often when
/// the text moves, a one-byte symbol compared as a byte.
#[allow(deprecated)]
fn same(a: &Cell, a_symbol: &str, b: &Cell, b_symbol: &str) -> bool {
    let (x, y) = (a_symbol.as_bytes(), b_symbol.as_bytes());
    x.len() == y.len()
        && (if x.len() == 1 { x[0] == y[0] } else { x == y })
        && a.fg == b.fg
        && a.bg == b.bg
        && a.modifier == b.modifier
        && a.underline_color == b.underline_color
        && a.diff_option == b.diff_option
        && a.skip == b.skip
}

/// Whether a cell, whose symbol is given, is `Cell::EMPTY` or equal to it: a space with no
/// style. Faster than `==`, which compares the symbols first; most cells of a frame have a
/// colour.
#[allow(deprecated)]
fn blank(cell: &Cell, symbol: &str) -> bool {
    cell.fg == Color::Reset
        && cell.bg == Color::Reset
        && cell.underline_color == Color::Reset
        && cell.modifier.is_empty()
        && cell.diff_option == CellDiffOption::None
        && !cell.skip
        && symbol == " "
}

/// Whether the diff passes over a cell, as ratatui's does (the `skip` flag is deprecated
/// for the diff option, and still honoured).
#[allow(deprecated)]
fn skipped(cell: &Cell) -> bool {
    cell.diff_option == CellDiffOption::Skip
        || (cell.skip && cell.diff_option == CellDiffOption::None)
}

#[cfg(test)]
mod tests {
    use std::num::NonZeroU16;
    use std::rc::Rc;

    use proptest::prelude::*;
    use ratatui::backend::TestBackend;

    use super::*;

    /// A cell of the kinds the diff treats differently: blank or not, wide, a wide emoji
    /// with a variation selector, zero-width, styled, skipped, forced to a width.
    fn cell() -> impl Strategy<Value = Cell> {
        let symbols = [" ", "a", "é", "世", "❤\u{FE0F}", "👍🏽", "", "\u{200B}"];
        (0..symbols.len(), 0..7u8, 0..8u8).prop_map(move |(s, style, option)| {
            let mut cell = Cell::EMPTY;
            if s > 0 || style > 0 {
                cell.set_symbol(symbols[s]);
            }
            match style {
                2 => cell.fg = Color::Red,
                3 => cell.bg = Color::Blue,
                4 => cell.modifier = Modifier::REVERSED,
                5 => cell.underline_color = Color::Yellow,
                _ => {}
            }
            match option {
                1 => cell.diff_option = CellDiffOption::Skip,
                2 => cell.diff_option = CellDiffOption::AlwaysUpdate,
                3 => cell.diff_option = CellDiffOption::ForcedWidth(NonZeroU16::new(2).unwrap()),
                4 => {
                    #[allow(deprecated)]
                    let _ = cell.set_skip(true);
                }
                _ => {}
            }
            cell
        })
    }

    fn buffer() -> impl Strategy<Value = Buffer> {
        (1..9u16, 1..5u16, 0..3u16).prop_flat_map(|(width, height, x)| {
            let area = Rect::new(x, x, width, height);
            proptest::collection::vec(cell(), usize::from(width * height)).prop_map(move |cells| {
                let mut buffer = Buffer::empty(area);
                buffer.content = cells;
                buffer
            })
        })
    }

    proptest! {
        #[test]
        fn the_first_frame_writes_what_ratatuis_diff_against_a_blank_screen_would(
            next in buffer()
        ) {
            let ours: Vec<_> = against_blank(&next).map(|(x, y, c)| (x, y, c as *const Cell)).collect();
            let blank = Buffer::empty(next.area);
            let theirs: Vec<_> =
                blank.diff_iter(&next).map(|(x, y, c)| (x, y, c as *const Cell)).collect();
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn later_frames_write_what_ratatuis_diff_would((shown, next) in two_frames()) {
            let ours: Vec<_> =
                against(&shown, &next).map(|(x, y, c)| (x, y, c as *const Cell)).collect();
            let theirs: Vec<_> =
                shown.diff_iter(&next).map(|(x, y, c)| (x, y, c as *const Cell)).collect();
            prop_assert_eq!(ours, theirs);
        }
    }

    /// Two frames of one size, the second keeping some of the first's cells. The last
    /// cell of the first is never wide: there ratatui's comparison would index past the
    /// end (ours stops at it).
    fn two_frames() -> impl Strategy<Value = (Buffer, Buffer)> {
        buffer()
            .prop_filter("the last cell is narrow", |shown| {
                shown.content().last().is_some_and(|c| c.cell_width() <= 1)
            })
            .prop_flat_map(|shown| {
                let area = shown.area;
                let n = shown.content().len();
                (
                    Just(shown),
                    proptest::collection::vec((cell(), any::<bool>()), n),
                )
                    .prop_map(move |(shown, changes)| {
                        let mut next = Buffer::empty(area);
                        next.content = changes
                            .into_iter()
                            .zip(shown.content())
                            .map(|((new, keep), old)| if keep { old.clone() } else { new })
                            .collect();
                        (shown, next)
                    })
            })
    }

    /// ratatui's test backend, counting the cells each frame writes.
    struct Counting {
        inner: TestBackend,
        written: usize,
        /// Whether the cursor is shown, readable after the screen is dropped.
        cursor: Rc<std::cell::Cell<bool>>,
    }

    impl Counting {
        fn new(width: u16, height: u16) -> Counting {
            Counting {
                inner: TestBackend::new(width, height),
                written: 0,
                cursor: Rc::new(std::cell::Cell::new(true)),
            }
        }
    }

    impl Backend for Counting {
        type Error = <TestBackend as Backend>::Error;

        fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
        where
            I: Iterator<Item = (u16, u16, &'a Cell)>,
        {
            let cells: Vec<_> = content.collect();
            self.written = cells.len();
            self.inner.draw(cells.into_iter())
        }
        fn hide_cursor(&mut self) -> Result<(), Self::Error> {
            self.cursor.set(false);
            self.inner.hide_cursor()
        }
        fn show_cursor(&mut self) -> Result<(), Self::Error> {
            self.cursor.set(true);
            self.inner.show_cursor()
        }
        fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
            self.inner.get_cursor_position()
        }
        fn set_cursor_position<P: Into<Position>>(&mut self, at: P) -> Result<(), Self::Error> {
            self.inner.set_cursor_position(at)
        }
        fn clear(&mut self) -> Result<(), Self::Error> {
            self.inner.clear()
        }
        fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
            self.inner.clear_region(clear_type)
        }
        fn size(&self) -> Result<Size, Self::Error> {
            self.inner.size()
        }
        fn window_size(&mut self) -> Result<ratatui::backend::WindowSize, Self::Error> {
            self.inner.window_size()
        }
        fn flush(&mut self) -> Result<(), Self::Error> {
            self.inner.flush()
        }
    }

    /// Draw a frame of these rows, in green; how many cells it wrote.
    fn frame(screen: &mut Screen<Counting>, rows: &[&str]) -> usize {
        screen
            .draw(|buf| {
                for (y, row) in rows.iter().enumerate() {
                    buf.set_string(0, y as u16, row, Color::Green);
                }
            })
            .unwrap();
        screen.backend().written
    }

    #[test]
    fn each_frame_writes_what_changed_and_leaves_the_terminal_showing_it() {
        let mut screen = Screen::new(Counting::new(6, 2)).unwrap();
        // The terminal's rows, a symbol a cell (the cell under a wide character is blank).
        let shows = |screen: &Screen<Counting>, rows: &[&str]| {
            let buffer = screen.backend().inner.buffer();
            let width = usize::from(buffer.area.width);
            let shown: Vec<String> = buffer
                .content
                .chunks(width)
                .map(|row| row.iter().map(Cell::symbol).collect())
                .collect();
            assert_eq!(shown, rows);
        };
        // The first frame: its cells that are not blank (the space is green), the wide
        // character once.
        assert_eq!(frame(&mut screen, &["ab 世", "cd"]), 6);
        shows(&screen, &["ab 世  ", "cd    "]);
        assert_eq!(screen.backend().inner.buffer()[(0, 1)].fg, Color::Green);
        // Then what changed: "b", the space and the wide character blanked, "xyz" over
        // "cd".
        assert_eq!(frame(&mut screen, &["a", "xyz"]), 6);
        shows(&screen, &["a     ", "xyz   "]);
        assert_eq!(frame(&mut screen, &["a", "xyz"]), 0);
        // A new size clears the terminal and writes the whole frame again.
        screen.backend.inner.resize(4, 3);
        assert_eq!(frame(&mut screen, &["", "", "end"]), 3);
        shows(&screen, &["    ", "    ", "end "]);
    }

    #[test]
    fn the_cursor_is_hidden_while_the_screen_draws_and_shown_after() {
        let mut screen = Screen::new(Counting::new(4, 1)).unwrap();
        let cursor = Rc::clone(&screen.backend().cursor);
        frame(&mut screen, &["hi"]);
        assert!(!cursor.get());
        frame(&mut screen, &["ho"]);
        assert!(!cursor.get());
        drop(screen);
        assert!(cursor.get());
    }
}
