//! Plain-text tables for people reading a terminal.

use unicode_width::UnicodeWidthStr;

use crate::document::Document;

/// One entity a line: type, mentions, name and aliases, in aligned columns.
pub fn entities_table(doc: &Document) -> String {
    let rows: Vec<[String; 4]> = doc
        .entities
        .iter()
        .map(|e| {
            [
                e.kind.as_str().to_string(),
                e.mentions.len().to_string(),
                e.name.clone(),
                e.aliases.join(", "),
            ]
        })
        .collect();
    let header = ["TYPE", "MENTIONS", "NAME", "ALIASES"].map(String::from);
    let mut widths = [0; 4];
    for row in std::iter::once(&header).chain(&rows) {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let mut out = String::new();
    for row in std::iter::once(&header).chain(&rows) {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            line.push_str(cell);
            if i + 1 < row.len() {
                line.push_str(&" ".repeat(widths[i] - cell.width()));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
