//! The non-interactive commands.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use sidenote::anchor::Placement;
use sidenote::config::Config;
use sidenote::document::Document;
use sidenote::export;
use sidenote::tui::{self, App, Keymap, Theme};

use crate::cli::{EntitiesFormat, ExportFormat};

/// The built-in demo article, opened when sidenote is run without one.
const DEMO: &str = include_str!("../examples/demo.txt");

/// Open an article in the terminal interface, or the demo in a scratch copy.
pub fn open(
    article: Option<&Path>,
    sidecar: Option<&Path>,
    theme: Option<&str>,
    config: Option<&Path>,
) -> Result<()> {
    let theme = Theme::choose(theme)?;
    let config = Config::load(config)?;
    let demo = match article {
        Some(_) => None,
        None => Some(scratch_demo()?),
    };
    let path = article.or(demo.as_deref()).expect("an article or the demo");
    let doc = Document::open(path, sidecar)?;
    let mut app = App::new(doc, Keymap::default(), theme).with_config(config);
    tui::run(&mut app)?;
    if let Some(demo) = demo {
        println!(
            "The demo article and your annotations are in {}",
            demo.parent().unwrap_or(&demo).display()
        );
    }
    Ok(())
}

/// Copy the demo article into a fresh folder under the temporary directory.
fn scratch_demo() -> Result<PathBuf> {
    let dir = tempfile::Builder::new()
        .prefix("sidenote-demo-")
        .tempdir()
        .context("cannot make a scratch folder for the demo")?
        .keep();
    let path = dir.join("demo.txt");
    std::fs::write(&path, DEMO).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(path)
}

pub fn entities(article: &Path, sidecar: Option<&Path>, format: EntitiesFormat) -> Result<()> {
    let doc = Document::open(article, sidecar)?;
    let text = match format {
        EntitiesFormat::Json => json_text(&export::entities_json(&doc)),
        EntitiesFormat::Table => export::entities_table(&doc),
    };
    write_stdout(&text)
}

pub fn suggest(article: &Path, sidecar: Option<&Path>, format: EntitiesFormat) -> Result<()> {
    let doc = Document::open(article, sidecar)?;
    let suggestions =
        sidenote::suggest::suggest(&doc.article, &doc.entities).without(&doc.rejected);
    let text = match format {
        EntitiesFormat::Json => json_text(&export::suggestions_json(&doc, &suggestions)),
        EntitiesFormat::Table => export::suggestions_table(&doc, &suggestions),
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
        Some(path) => {
            sidenote::sidecar::write_atomically(path, text.as_bytes()).map_err(|source| {
                sidenote::Error::WriteOutput {
                    path: path.clone(),
                    cause: source,
                }
                .into()
            })
        }
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
            Placement::Detached => {} // a source given only by its description
        }
    }
    let mut out = format!(
        "{}: {placed} placed, {moved} moved, {} orphaned\n",
        doc.sidecar_path().display(),
        orphaned.len()
    );
    for a in &orphaned {
        out.push_str(&format!(
            "  orphaned {} {}: \"{}\"\n",
            a.kind, a.id, a.anchor.quote
        ));
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
