//! `export --format csv`: one row per claim, for spreadsheets. RFC 4180 quoting (by the
//! csv crate), and every cell that a spreadsheet would read as a formula is neutralised.

use crate::anchor::Placement;
use crate::document::Document;

use super::view::{self, char_span, paragraph_number};

/// The columns, in order. `paragraph` counts from 1, as the screen does; `start` and `end`
/// are character offsets, end exclusive, as in every other format. `orphaned` is `true`
/// for a claim whose text is no longer in the article (its `text` is the stored quote,
/// and `paragraph`, `start` and `end` are empty), else `false`.
pub const COLUMNS: [&str; 10] = [
    "id",
    "paragraph",
    "start",
    "end",
    "text",
    "sources",
    "source_entities",
    "verdict",
    "note",
    "orphaned",
];

/// The claims of one article as a CSV document with a header row.
pub fn export(doc: &Document) -> String {
    table(&COLUMNS, rows(doc))
}

/// The cells of each claim's row, in the order of [`COLUMNS`], not yet neutralised.
/// Sources are "s1: their words" joined by "; "; source entities are the names of the
/// entities those sources stand for.
pub fn rows(doc: &Document) -> Vec<Vec<String>> {
    view::claims(doc)
        .map(|claim| {
            let sources = view::sources_of(doc, claim);
            let (start, end) = char_span(doc, claim);
            vec![
                claim.id.clone(),
                paragraph_number(doc, claim).map_or(String::new(), |p| p.to_string()),
                start.to_string(),
                end.to_string(),
                claim.quote(&doc.article).to_string(),
                sources
                    .iter()
                    .map(|s| format!("{}: {}", s.id, s.label))
                    .collect::<Vec<_>>()
                    .join("; "),
                sources
                    .iter()
                    .filter_map(|s| s.entity)
                    .collect::<Vec<_>>()
                    .join("; "),
                claim.verdict.clone().unwrap_or_default(),
                claim.note.clone().unwrap_or_default(),
                (claim.placement == Placement::Orphaned).to_string(),
            ]
        })
        .collect()
}

/// A CSV document: the header, then the rows, every cell neutralised.
pub fn table(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let failed = "a CSV record in memory always writes";
    writer.write_record(header).expect(failed);
    for row in rows {
        writer
            .write_record(row.iter().map(|cell| neutralise(cell).into_owned()))
            .expect(failed);
    }
    let bytes = writer.into_inner().expect(failed);
    String::from_utf8(bytes).expect("CSV of UTF-8 cells is UTF-8")
}

/// A cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return, which some
/// spreadsheets skip before looking) would be run as a formula: a leading apostrophe makes
/// it plain text, as OWASP advises. Every other cell is left exactly as it is.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}
