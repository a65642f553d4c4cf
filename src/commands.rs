//! The non-interactive commands.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use sidenote::anchor::Placement;
use sidenote::document::Document;
use sidenote::export;

use crate::cli::{EntitiesFormat, ExportFormat};

pub fn entities(article: &Path, sidecar: Option<&Path>, format: EntitiesFormat) -> Result<()> {
    let doc = Document::open(article, sidecar)?;
    let text = match format {
        EntitiesFormat::Json => json_text(&export::entities_json(&doc)),
        EntitiesFormat::Table => export::entities_table(&doc),
    };
    write_stdout(&text)
}

pub fn export(
    article: &Path,
    sidecar: Option<&Path>,
    format: ExportFormat,
    output: Option<&PathBuf>,
) -> Result<()> {
    let doc = Document::open(article, sidecar)?;
    let text = match format {
        ExportFormat::Json => json_text(&export::export_json(&doc)),
    };
    match output {
        Some(path) => sidenote::sidecar::write_atomically(path, text.as_bytes()).map_err(|source| {
            sidenote::Error::WriteOutput {
                path: path.clone(),
                source,
            }
            .into()
        }),
        None => write_stdout(&text),
    }
}

/// Prints placed, moved and orphaned counts; returns whether every annotation is placed.
pub fn check(article: &Path, sidecar: Option<&Path>) -> Result<bool> {
    let doc = Document::open(article, sidecar)?;
    let (mut placed, mut moved, mut orphaned) = (0, 0, Vec::new());
    for a in doc.annotations.iter() {
        match &a.placement {
            Placement::At(range) if doc.article.char_of(range.start) == a.anchor.start => {
                placed += 1;
            }
            Placement::At(_) => moved += 1,
            Placement::Orphaned => orphaned.push(a),
        }
    }
    let mut out = format!(
        "{}: {placed} placed, {moved} moved, {} orphaned\n",
        doc.sidecar_path().display(),
        orphaned.len()
    );
    for a in &orphaned {
        out.push_str(&format!("  orphaned {} {}: \"{}\"\n", a.kind, a.id, a.anchor.quote));
    }
    write_stdout(&out)?;
    Ok(orphaned.is_empty())
}

fn json_text(value: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("JSON values always serialise");
    text.push('\n');
    text
}

/// Write to stdout; a closed pipe (`| head`) is not an error worth a message.
fn write_stdout(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to standard output"),
    }
}
