//! The article pane: wrapped paragraphs with a gutter of paragraph numbers and marks.
//! Only the paragraphs on screen are looked at.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::annotation::Kind;
use crate::tui::app::{App, Focus, Row};
use crate::tui::layout;
use crate::tui::printable::visible;
use crate::tui::suggestions::Pending;
use crate::tui::wrap::{cells, graphemes};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let article = &app.doc.article;
    let focused = app.focus == Focus::Article && app.overlay.is_none();
    let title = article
        .title()
        .map_or_else(|| file_name(app), str::to_string);
    let title = match article.date() {
        Some(date) => format!(" {title} · {} ", date.text),
        None => format!(" {title} "),
    };
    let border = if focused { "border.focused" } else { "border" };
    let title = Span::styled(
        super::fit(&title, area.width.saturating_sub(4) as usize),
        theme.style("title"),
    );
    super::border::bordered(buf, area, theme.style(border), title.into());

    let text_area = layout::text_area(area, article.paragraphs().len());
    if article.paragraphs().is_empty() {
        let line = Line::styled("The article is empty.", theme.style("dateline"));
        super::set_line(buf, text_area.x, text_area.y, &line, text_area.width);
        return;
    }
    let gutter_x = area.x + 1;
    let digits = (layout::gutter_width(article.paragraphs().len()) - 5) as usize;
    let mut row = app.top;
    let mut styled: Option<(usize, StyledParagraph)> = None;
    for y in text_area.y..text_area.y + text_area.height {
        let Some(paragraph) = article.paragraphs().get(row.paragraph) else {
            break;
        };
        let lines = app.lines(row.paragraph);
        if let Some(line) = lines.get(row.line) {
            if styled.as_ref().is_none_or(|(p, _)| *p != row.paragraph) {
                // Only the part on screen is styled: a paragraph may be a 20 MB line.
                let rows_left = (text_area.y + text_area.height - y) as usize;
                let last = &lines[(row.line + rows_left).min(lines.len()) - 1];
                let shown = line.start.max(paragraph.range.start)..last.end;
                styled = Some((
                    row.paragraph,
                    StyledParagraph::new(app, row.paragraph, shown),
                ));
            }
            let (_, paragraph_styles) = styled.as_ref().expect("set above");
            let gutter = gutter(app, paragraph_styles, row, line.clone(), digits);
            super::set_line(buf, gutter_x, y, &gutter, text_area.x - gutter_x);
            let text = paragraph_styles.line(app, line.clone());
            super::set_line(buf, text_area.x, y, &text, text_area.width);
        }
        row = next_row(row, lines.len());
    }
}

fn file_name(app: &App) -> String {
    app.doc
        .article
        .path()
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}

/// The row below: the next line, the blank row after a paragraph, the next paragraph.
fn next_row(row: Row, lines: usize) -> Row {
    if row.line < lines {
        Row {
            line: row.line + 1,
            ..row
        }
    } else {
        Row {
            paragraph: row.paragraph + 1,
            line: 0,
        }
    }
}

/// The styled spans of one paragraph: which scope applies to which bytes.
struct StyledParagraph {
    base: Style,
    /// Byte ranges and their styles, applied in order over the base.
    layers: Vec<(Range<usize>, Style)>,
    claims: Vec<Range<usize>>,
    sources: Vec<Range<usize>>,
    suggested_claims: Vec<Range<usize>>,
    suggested_sources: Vec<Range<usize>>,
    cursor: Option<Range<usize>>,
}

impl StyledParagraph {
    fn new(app: &App, index: usize, range: Range<usize>) -> StyledParagraph {
        let theme = &app.theme;
        let article = &app.doc.article;
        let base = if Some(index) == article.title_paragraph() {
            theme.style("text").patch(theme.style("title"))
        } else if Some(index) == article.date_paragraph() {
            theme.style("text").patch(theme.style("dateline"))
        } else {
            theme.style("text")
        };
        let mut layers = Vec::new();
        let chosen = (app.focus == Focus::Entities).then_some(app.entity);
        for (mention, entity) in app.doc.entities.mentions_in(range.clone()) {
            let kind = app
                .doc
                .entities
                .get(entity)
                .map_or("other", |e| e.kind.as_str());
            layers.push((mention.clone(), theme.style(&format!("entity.{kind}"))));
            if Some(entity) == chosen {
                layers.push((mention, theme.style("entity.chosen")));
            }
        }
        let mut claims = Vec::new();
        let mut sources = Vec::new();
        for annotation in app.doc.annotations.overlapping(range.clone()) {
            let Some(r) = annotation.range() else {
                continue;
            };
            match annotation.kind {
                Kind::Source => sources.push(r),
                Kind::Claim => claims.push(r),
            }
        }
        // Suggestions first, so that what was accepted draws over them.
        let mut suggested_claims = Vec::new();
        let mut suggested_sources = Vec::new();
        for pending in app.pending_in(range.clone()) {
            let attributions: &[usize] = match &pending {
                Pending::Claim {
                    index,
                    attributions,
                } => {
                    suggested_claims.push(app.suggestions.claims[*index].range.clone());
                    attributions
                }
                Pending::Attribution { index } => std::slice::from_ref(index),
            };
            for &i in attributions {
                suggested_sources.push(app.suggestions.attributions[i].speaker.range.clone());
            }
        }
        for r in &suggested_claims {
            layers.push((r.clone(), theme.style("suggestion.claim")));
        }
        for r in &suggested_sources {
            layers.push((r.clone(), theme.style("suggestion.source")));
        }
        // Sources under claims: a claim's underline stays visible over a source's bold.
        for r in &sources {
            layers.push((r.clone(), theme.style("source")));
        }
        for r in &claims {
            layers.push((r.clone(), theme.style("claim")));
        }
        // A claim inside another shows where it starts and ends.
        for (i, inner) in claims.iter().enumerate() {
            let nested = claims.iter().enumerate().any(|(j, outer)| {
                j != i && outer.start <= inner.start && inner.end <= outer.end && outer != inner
            });
            if nested {
                layers.push((inner.clone(), theme.style("claim.nested")));
            }
        }
        if let Some(mention) = &app.mention {
            layers.push((mention.clone(), theme.style("entity.current")));
        }
        let cursor = match app.selection {
            Some(selection) => {
                layers.push((selection.range(), theme.style("selection")));
                Some(selection.range())
            }
            None => article.sentences().get(app.cursor).map(|s| {
                layers.push((s.range.clone(), theme.style("cursor")));
                s.range.clone()
            }),
        };
        StyledParagraph {
            base,
            layers,
            claims,
            sources,
            suggested_claims,
            suggested_sources,
            cursor,
        }
    }

    /// One wrapped line as spans of equal style.
    fn line(&self, app: &App, range: Range<usize>) -> Line<'static> {
        let text = &app.doc.article.text()[range.clone()];
        // The style changes only where a layer starts or ends: it is worked out again
        // only for the first grapheme past such an edge, not for every one.
        let mut edges: Vec<usize> = self
            .layers
            .iter()
            .flat_map(|(r, _)| [r.start, r.end])
            .filter(|&edge| range.start < edge && edge < range.end)
            .collect();
        edges.sort_unstable();
        edges.dedup();
        let mut edges = edges.into_iter().peekable();
        let style_at = |at: usize| {
            self.layers
                .iter()
                .filter(|(r, _)| r.start <= at && at < r.end)
                .fold(self.base, |s, (_, layer)| s.patch(*layer))
        };
        let mut style = style_at(range.start);
        let mut spans: Vec<Span<'static>> = Vec::new();
        let mut current = String::new();
        let mut current_style = self.base;
        // Cells from the start of the line, for tab stops; as the wrapping counts them.
        let mut column = 0;
        let mut add = |offset: usize, g: &str| {
            let at = range.start + offset;
            if edges.next_if(|&edge| edge <= at).is_some() {
                while edges.next_if(|&edge| edge <= at).is_some() {}
                style = style_at(at);
            }
            if style != current_style && !current.is_empty() {
                spans.push(Span::styled(std::mem::take(&mut current), current_style));
            }
            current_style = style;
            if let [byte @ b' '..=b'~'] = g.as_bytes() {
                // Printable ASCII: one cell, shown as it is.
                current.push(*byte as char);
                column += 1;
                return;
            }
            let width = cells(g, column);
            if g == "\t" {
                current.extend(std::iter::repeat_n(' ', width));
            } else {
                current.push_str(&visible(g));
            }
            column += width;
        };
        for (offset, g) in graphemes(text) {
            add(offset, g);
        }
        if !current.is_empty() {
            spans.push(Span::styled(current, current_style));
        }
        Line::from(spans)
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The gutter of a row: the paragraph number on its first line, then the cursor mark
/// and the claim and source marks, so that no mark depends on colour.
fn gutter(
    app: &App,
    styles: &StyledParagraph,
    row: Row,
    line: Range<usize>,
    digits: usize,
) -> Line<'static> {
    let theme = &app.theme;
    let number = if row.line == 0 {
        format!("{:>digits$} ", row.paragraph + 1)
    } else {
        " ".repeat(digits + 1)
    };
    let on = |ranges: &[Range<usize>]| ranges.iter().any(|r| overlaps(r, &line));
    let mark = |done: &[Range<usize>],
                suggested: &[Range<usize>],
                big: &'static str,
                small: &'static str,
                scope: &str| {
        if on(done) {
            Span::styled(big, theme.style(scope))
        } else if on(suggested) {
            Span::styled(small, theme.style("gutter.suggestion"))
        } else {
            Span::styled(" ", theme.style("gutter"))
        }
    };
    let cursor = styles.cursor.as_ref().is_some_and(|c| overlaps(c, &line));
    Line::from(vec![
        Span::styled(number, theme.style("gutter")),
        if cursor {
            Span::styled("▶", theme.style("gutter.cursor"))
        } else {
            Span::styled(" ", theme.style("gutter"))
        },
        // C and S for claims and sources; c and s for suggested ones.
        mark(
            &styles.claims,
            &styles.suggested_claims,
            "C",
            "c",
            "gutter.claim",
        ),
        mark(
            &styles.sources,
            &styles.suggested_sources,
            "S",
            "s",
            "gutter.source",
        ),
        Span::styled(" ", theme.style("gutter")),
    ])
}
