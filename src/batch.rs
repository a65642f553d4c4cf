//! `export DIR --recursive`: every article with a sidecar under a folder, exported in
//! parallel across the cores into one file, with a progress bar on a terminal. An article
//! that fails is reported and skipped; the rest are exported.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Result, bail};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::{Value, json};
use sidenote::document::Document;
use sidenote::export::{self, Format};
use sidenote::sidecar::Sidecar;

use crate::cli::Global;
use crate::commands::{export_options, write_stdout};

/// The schema of the combined JSON export.
const SET_FORMAT: &str = "sidenote-export-set/1";

/// One article's share of the combined file.
enum Piece {
    Rows(Vec<Vec<String>>),
    Json(Value),
    Markdown(String),
}

/// Export every article under `dir` (in the config's format when none is given); returns
/// whether all of them were exported.
pub fn export(
    dir: &Path,
    format: Option<crate::cli::ExportFormat>,
    output: Option<&Path>,
    global: &Global,
) -> Result<bool> {
    let format = crate::commands::format_or_default(format, global)?;
    if !dir.is_dir() {
        bail!(
            "{} is not a folder; --recursive exports the articles in a folder",
            dir.display()
        );
    }
    if !matches!(format, Format::Csv | Format::Json | Format::Markdown) {
        bail!(
            "a folder exports to csv, json or markdown (one combined file), not {}",
            format.name()
        );
    }
    let options = export_options(global)?;
    let decoding = crate::commands::decoding(global);
    let (articles, mut failed) = find_articles(dir);
    if articles.is_empty() && failed.is_empty() {
        bail!(
            "no article under {} has a sidecar (ARTICLE.sidenote.toml) to export",
            dir.display()
        );
    }

    let progress = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(articles.len() as u64);
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} articles  {wide_msg}")
                .expect("a fixed template"),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let results = in_parallel(&articles, |article| {
        progress.set_message(article.display().to_string());
        // The articles share the processors out, one each.
        let result = crate::commands::Open {
            sidecar: None,
            decoding,
            threads: 1,
        }
        .document(article)
        .map_err(|err| err.to_string())
        .and_then(|doc| piece(&doc, format, &options).map_err(|err| err.to_string()));
        progress.inc(1);
        result
    });
    progress.finish_and_clear();

    let mut pieces = Vec::new();
    for (article, result) in articles.iter().zip(results) {
        match result {
            Ok(piece) => pieces.push((article.as_path(), piece)),
            Err(message) => failed.push((article.clone(), message)),
        }
    }
    let exported = pieces.len();
    let text = combine(dir, format, pieces, &failed);
    match output {
        Some(path) => {
            sidenote::sidecar::write_atomically(path, text.as_bytes()).map_err(|cause| {
                sidenote::Error::WriteOutput {
                    path: path.to_path_buf(),
                    cause,
                }
            })?
        }
        None => write_stdout(&text)?,
    }
    for (article, message) in &failed {
        eprintln!("sidenote: skipped {}: {message}", article.display());
    }
    if !failed.is_empty() {
        eprintln!(
            "sidenote: exported {} of {} articles; {} failed",
            exported,
            exported + failed.len(),
            failed.len()
        );
    }
    Ok(failed.is_empty())
}

/// Articles that have a sidecar beside them, in path order, and sidecars whose article
/// is missing or folders that could not be read, each with its reason.
fn find_articles(dir: &Path) -> (Vec<PathBuf>, Vec<(PathBuf, String)>) {
    let mut articles = Vec::new();
    let mut failed = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err.path().unwrap_or(dir).to_path_buf();
                let reason = err
                    .io_error()
                    .map_or_else(|| err.to_string(), sidenote::error::io_reason);
                failed.push((path, format!("cannot read it: {reason}")));
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy();
        let Some(article) = name.strip_suffix(Sidecar::SUFFIX) else {
            continue;
        };
        if !entry.file_type().is_file() || article.is_empty() {
            continue;
        }
        let article = entry.path().with_file_name(article);
        if article.is_file() {
            articles.push(article);
        } else {
            failed.push((
                entry.path().to_path_buf(),
                "this sidecar's article is not beside it".to_string(),
            ));
        }
    }
    (articles, failed)
}

/// `work` on every item, on as many threads as there are cores; results in item order.
fn in_parallel<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len())
        .max(1);
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    let result = work(item);
                    results.lock().expect("no worker panics holding it")[i] = Some(result);
                }
            });
        }
    });
    results
        .into_inner()
        .expect("no worker panics holding it")
        .into_iter()
        .map(|r| r.expect("every item was worked on"))
        .collect()
}

fn piece(doc: &Document, format: Format, options: &export::Options) -> sidenote::Result<Piece> {
    Ok(match format {
        Format::Csv => Piece::Rows(export::csv::rows(doc)),
        Format::Json => Piece::Json(export::export_json(doc)),
        _ => {
            let mut report = String::new();
            export::markdown::report(&mut report, doc, &options.verdicts, 2);
            Piece::Markdown(report)
        }
    })
}

fn combine(
    dir: &Path,
    format: Format,
    pieces: Vec<(&Path, Piece)>,
    failed: &[(PathBuf, String)],
) -> String {
    let name = |path: &Path| path.strip_prefix(dir).unwrap_or(path).display().to_string();
    match format {
        Format::Csv => {
            let mut header = vec!["article"];
            header.extend(export::csv::COLUMNS);
            let rows = pieces.into_iter().flat_map(|(article, piece)| {
                let article = name(article);
                let Piece::Rows(rows) = piece else {
                    unreachable!("csv pieces are rows")
                };
                rows.into_iter().map(move |mut row| {
                    row.insert(0, article.clone());
                    row
                })
            });
            export::csv::table(&header, rows)
        }
        Format::Json => {
            let articles: Vec<Value> = pieces
                .into_iter()
                .map(|(_, piece)| match piece {
                    Piece::Json(value) => value,
                    _ => unreachable!("json pieces are values"),
                })
                .collect();
            let failed: Vec<Value> = failed
                .iter()
                .map(|(path, message)| json!({ "article": name(path), "error": message }))
                .collect();
            export::json_text(&json!({
                "format": SET_FORMAT,
                "folder": dir.display().to_string(),
                "articles": articles,
                "failed": failed,
            }))
        }
        _ => {
            let mut out = format!(
                "# Annotations in {}\n\n{} articles exported",
                dir.display(),
                pieces.len()
            );
            if !failed.is_empty() {
                out.push_str(&format!(", {} could not be read", failed.len()));
            }
            out.push_str(".\n\n");
            for (article, piece) in pieces {
                let Piece::Markdown(report) = piece else {
                    unreachable!("markdown pieces are text")
                };
                out.push_str(&format!("<!-- {} -->\n", name(article)));
                out.push_str(&report);
            }
            if !failed.is_empty() {
                out.push_str("## Not exported\n\n");
                for (path, message) in failed {
                    out.push_str(&format!("- `{}`: {message}\n", name(path)));
                }
            }
            out
        }
    }
}
