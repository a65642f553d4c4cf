//! The terminal output: ratatui's crossterm backend, except that the cells of a frame are
//! written here, as bytes, instead of one formatted crossterm command per cell.
//!
//! The first frame writes every cell of the screen, and `G` in a long article nearly as
//! many; crossterm's `Print` and `MoveTo` go through `fmt` for each, which made writing a
//! frame cost more than drawing it. The sequences are the ones crossterm writes (SGR
//! colours as `38;5;N`, `38;2;R;G;B`, the same attribute changes), but for a colour that
//! did not change, which crossterm writes again with the one that did, and for blanks: a
//! blank takes only the style that shows on it, and a long run of them is erased. What the
//! terminal shows is the same, and `tests/backend.rs` compares the two screens cell by cell.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::{Cell, CellWidth};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

/// A crossterm backend that writes frames quickly.
pub struct Output<W: Write> {
    inner: CrosstermBackend<W>,
    /// A frame's bytes, gathered here and written at once: appending to a vector is
    /// cheaper than a write through the backend and its buffer for each few bytes.
    frame: Vec<u8>,
}

impl<W: Write> Output<W> {
    pub fn new(writer: W) -> Output<W> {
        Output {
            inner: CrosstermBackend::new(writer),
            frame: Vec::new(),
        }
    }
}

impl<W: Write> Backend for Output<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let out = &mut self.frame;
        out.clear();
        let mut style = Pen::default();
        // Where the terminal's cursor is, when that is certain: past the cell just
        // written, if its symbol is one character (not a cluster, whose width terminals
        // disagree on).
        let mut cursor: Option<(u16, u16)> = None;
        let mut content = content.peekable();
        while let Some((x, y, cell)) = content.next() {
            let symbol = cell.symbol();
            match cursor {
                Some(at) if at == (x, y) => {}
                // Further along the row: forward over the gap, shorter than a move.
                Some((cx, cy)) if cy == y && x > cx => {
                    out.write_all(b"\x1b[")?;
                    write_number(out, u32::from(x - cx))?;
                    out.write_all(b"C")?;
                }
                _ => {
                    out.write_all(b"\x1b[")?;
                    write_number(out, u32::from(y) + 1)?;
                    out.write_all(b";")?;
                    write_number(out, u32::from(x) + 1)?;
                    out.write_all(b"H")?;
                }
            }
            if shows_only_background(cell) {
                style.change_to_blank(out, cell)?;
                // The blanks that follow on the row, all alike: a row's end after its last
                // word, in `G`'s frame, is most of it.
                let mut run = 1;
                while content
                    .next_if(|&(nx, ny, next)| {
                        ny == y
                            && nx == x + run
                            && shows_only_background(next)
                            && next.bg == cell.bg
                    })
                    .is_some()
                {
                    run += 1;
                }
                // Erased, when that is shorter, and only on the terminal's own background:
                // a terminal that does not erase in the current colour would leave the
                // default one.
                if run > ERASE_FROM && cell.bg == Color::Reset {
                    out.write_all(b"\x1b[")?;
                    write_number(out, u32::from(run))?;
                    out.write_all(b"X")?;
                    cursor = Some((x, y));
                } else {
                    for _ in 0..run {
                        out.write_all(b" ")?;
                    }
                    cursor = Some((x + run, y));
                }
                continue;
            }
            style.change_to(out, cell)?;
            out.write_all(symbol.as_bytes())?;
            let mut chars = symbol.chars();
            cursor = match (chars.next(), chars.next()) {
                (Some(_), None) => Some((x + cell.cell_width(), y)),
                _ => None,
            };
        }
        if out.is_empty() {
            // Nothing changed: nothing to write.
            return Ok(());
        }
        out.write_all(b"\x1b[39m\x1b[49m\x1b[59m\x1b[0m")?;
        // The crossterm backend writes bytes given to it straight to its writer.
        self.inner.write_all(&self.frame)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.inner.append_lines(n)
    }

    /// The size of the terminal on the standard output, which sidenote draws on. ratatui
    /// asks before every frame, and crossterm would open `/dev/tty` each time to answer;
    /// its answer is the fallback.
    fn size(&self) -> io::Result<Size> {
        match stdout_size() {
            Some(size) => Ok(size),
            None => self.inner.size(),
        }
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

/// The size of the terminal on the standard output, with one `TIOCGWINSZ`; `None` when
/// the standard output is not a terminal or says it has no size.
pub fn stdout_size() -> Option<Size> {
    #[cfg(unix)]
    if let Ok(size) = rustix::termios::tcgetwinsize(io::stdout())
        && size.ws_col > 0
        && size.ws_row > 0
    {
        return Some(Size::new(size.ws_col, size.ws_row));
    }
    None
}

/// Attributes that show on a blank cell: a reversed space is a block of the text colour,
/// an underlined or struck-through one a line.
const SHOWN_ON_BLANK: Modifier = Modifier::REVERSED
    .union(Modifier::UNDERLINED)
    .union(Modifier::CROSSED_OUT);

/// A space with nothing in `SHOWN_ON_BLANK`: of its style only the background shows. (Not
/// `screen::blank`, which is a space with no style at all.)
fn shows_only_background(cell: &Cell) -> bool {
    cell.symbol() == " " && !cell.modifier.intersects(SHOWN_ON_BLANK)
}

/// Blanks in a row beyond this many are erased (`ESC [ n X`, which leaves the cursor where
/// it is, and a move forward past them after) rather than written: that costs ten bytes.
const ERASE_FROM: u16 = 10;

/// The colours and attributes the terminal is writing with.
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

impl Default for Pen {
    fn default() -> Pen {
        Pen {
            fg: Color::Reset,
            bg: Color::Reset,
            underline: Color::Reset,
            modifier: Modifier::empty(),
        }
    }
}

impl Pen {
    /// Write what changes the pen to the cell's style, in crossterm's order: attributes,
    /// then colours, then the underline colour.
    fn change_to(&mut self, out: &mut impl Write, cell: &Cell) -> io::Result<()> {
        if cell.modifier != self.modifier {
            write_modifier_change(out, self.modifier, cell.modifier)?;
            self.modifier = cell.modifier;
        }
        // Each colour only when it changes (crossterm writes both when either does): the
        // first frame at 120x40 is a tenth smaller.
        if cell.fg != self.fg {
            write_color(out, Layer::Foreground, cell.fg)?;
            self.fg = cell.fg;
        }
        if cell.bg != self.bg {
            write_color(out, Layer::Background, cell.bg)?;
            self.bg = cell.bg;
        }
        if cell.underline_color != self.underline {
            write_color(out, Layer::Underline, cell.underline_color)?;
            self.underline = cell.underline_color;
        }
        Ok(())
    }

    /// Make the pen right for a blank cell with nothing in `SHOWN_ON_BLANK`, of which only
    /// the background shows. The text colour, italics, blinking and hiding are left as they
    /// are: the gutter's and the margins' blanks are styled, and changing the colour for
    /// them, and back for the next word, made `G`'s frame nearly a quarter larger. Bold and dim
    /// follow the cell, as crossterm writes them: some terminals keep only the last of the
    /// two, so which one shows depends on the order they came in.
    fn change_to_blank(&mut self, out: &mut impl Write, cell: &Cell) -> io::Result<()> {
        let intensity = Modifier::BOLD | Modifier::DIM;
        let to = (self.modifier - SHOWN_ON_BLANK - intensity) | (cell.modifier & intensity);
        if to != self.modifier {
            write_modifier_change(out, self.modifier, to)?;
            self.modifier = to;
        }
        if cell.bg != self.bg {
            write_color(out, Layer::Background, cell.bg)?;
            self.bg = cell.bg;
        }
        Ok(())
    }
}

#[derive(Clone, Copy)]
enum Layer {
    Foreground,
    Background,
    Underline,
}

/// `ESC [ 38;2;R;G;B m` and its kin; named colours as their 256-colour index, as
/// crossterm writes them.
fn write_color(out: &mut impl Write, layer: Layer, color: Color) -> io::Result<()> {
    let (set, reset): (&[u8], &[u8]) = match layer {
        Layer::Foreground => (b"\x1b[38;", b"\x1b[39m"),
        Layer::Background => (b"\x1b[48;", b"\x1b[49m"),
        Layer::Underline => (b"\x1b[58;", b"\x1b[59m"),
    };
    let index = match color {
        Color::Reset => return out.write_all(reset),
        Color::Rgb(r, g, b) => {
            out.write_all(set)?;
            out.write_all(b"2;")?;
            write_number(out, r.into())?;
            out.write_all(b";")?;
            write_number(out, g.into())?;
            out.write_all(b";")?;
            write_number(out, b.into())?;
            return out.write_all(b"m");
        }
        Color::Indexed(i) => i,
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
    };
    out.write_all(set)?;
    out.write_all(b"5;")?;
    write_number(out, index.into())?;
    out.write_all(b"m")
}

/// The SGR attributes that turn `from` into `to`. Bold and dim are both ended by
/// "normal intensity", so ending one re-applies the other when it stays.
fn write_modifier_change(out: &mut impl Write, from: Modifier, to: Modifier) -> io::Result<()> {
    let removed = from - to;
    let added = to - from;
    let mut sgr = |code: &[u8]| -> io::Result<()> {
        out.write_all(b"\x1b[")?;
        out.write_all(code)?;
        out.write_all(b"m")
    };
    if removed.contains(Modifier::REVERSED) {
        sgr(b"27")?;
    }
    let reset_intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if reset_intensity {
        sgr(b"22")?;
        if to.contains(Modifier::DIM) {
            sgr(b"2")?;
        }
        if to.contains(Modifier::BOLD) {
            sgr(b"1")?;
        }
    }
    for (modifier, code) in [
        (Modifier::ITALIC, b"23"),
        (Modifier::UNDERLINED, b"24"),
        (Modifier::CROSSED_OUT, b"29"),
        (Modifier::HIDDEN, b"28"),
    ] {
        if removed.contains(modifier) {
            sgr(code)?;
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        sgr(b"25")?;
    }
    for (modifier, code) in [
        (Modifier::REVERSED, b"7"),
        (Modifier::BOLD, b"1"),
        (Modifier::ITALIC, b"3"),
        (Modifier::UNDERLINED, b"4"),
        (Modifier::DIM, b"2"),
        (Modifier::CROSSED_OUT, b"9"),
        (Modifier::HIDDEN, b"8"),
        (Modifier::SLOW_BLINK, b"5"),
        (Modifier::RAPID_BLINK, b"6"),
    ] {
        let intensity = modifier.intersects(Modifier::BOLD | Modifier::DIM);
        if added.contains(modifier) && !(intensity && reset_intensity) {
            sgr(code)?;
        }
    }
    Ok(())
}

fn write_number(out: &mut impl Write, n: u32) -> io::Result<()> {
    out.write_all(itoa::Buffer::new().format(n).as_bytes())
}
