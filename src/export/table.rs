//! Plain-text tables for people reading a terminal.

use unicode_width::UnicodeWidthStr;

use crate::document::Document;

/// Suggestions for reading in a terminal: each claim's rule and text, each attribution's
/// speaker and statement, one a line, shortened to fit 100 columns.
pub fn suggestions_table(doc: &Document, suggestions: &crate::suggest::Suggestions) -> String {
    let text = doc.article.text();
    let short = |s: &str, max: usize| {
        let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
        if flat.chars().count() <= max {
            flat
        } else {
            format!("{}…", flat.chars().take(max - 1).collect::<String>())
        }
    };
    let mut out = String::from("CLAIMS\n");
    for claim in suggestions.claims.iter() {
        let paragraph = doc.article.paragraph_at(claim.range.start) + 1;
        out.push_str(&format!(
            "{paragraph:>4}  {:<11} {}\n",
            claim.rule,
            short(&text[claim.range.clone()], 80)
        ));
    }
    out.push_str("\nATTRIBUTIONS\n");
    for attribution in &suggestions.attributions {
        let paragraph = doc.article.paragraph_at(attribution.range.start) + 1;
        out.push_str(&format!(
            "{paragraph:>4}  {:<24} {:<18} {}\n",
            short(&attribution.speaker.name, 24),
            attribution.rule,
            short(&text[attribution.range.clone()], 52)
        ));
    }
    out
}

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
