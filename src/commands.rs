//! The non-interactive commands.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use sidenote::anchor::Fit;
use sidenote::annotation::Annotation;
use sidenote::article::{Article, Decoding};
use sidenote::config::Config;
use sidenote::document::Document;
use sidenote::export;
use sidenote::tui::{self, Keymap, Theme};

use sidenote::export::{Format, Options, Output};

use crate::cli::{EntitiesFormat, ExportFormat, Global, SuggestFormat};

/// How every command opens its document: where the sidecar is, and how to read bytes
/// that are not UTF-8 (`--sidecar`, `--lossy`).
#[derive(Debug, Clone, Copy)]
pub struct Open<'a> {
    pub sidecar: Option<&'a Path>,
    pub decoding: Decoding,
    /// How many threads analyse the article.
    pub threads: usize,
}

impl<'a> Open<'a> {
    /// One article, analysed on as many threads as the interface analyses a big one with:
    /// on 15 MB and two processors, `sidenote suggest` went from 2.1 to 1.7 s, `entities`
    /// and `export` from 1.1 to 0.95 s.
    pub fn new(global: &'a Global) -> Open<'a> {
        Open {
            sidecar: global.sidecar.as_deref(),
            decoding: decoding(global),
            threads: Article::threads(),
        }
    }

    pub fn document(&self, article: &Path) -> sidenote::error::Result<Document> {
        let known = sidenote::entity::known::load_known_names(article)?;
        let article = Article::load_with(article, self.decoding)?;
        Document::from_article_in_parts(article, self.sidecar, known, self.threads)
    }
}

pub fn decoding(global: &Global) -> Decoding {
    if global.lossy {
        Decoding::Lossy
    } else {
        Decoding::Strict
    }
}

/// The built-in demo article, opened when sidenote is run without one.
const DEMO: &str = include_str!("../examples/demo.txt");

/// Open an article in the terminal interface, or the demo in a scratch copy.
pub fn open(
    article: Option<&Path>,
    open: Open,
    theme: Option<&str>,
    config: Option<&Path>,
) -> Result<()> {
    let config = Config::load(config)?;
    let demo = match article {
        Some(_) => None,
        None => Some(scratch_demo()?),
    };
    let path = article.or(demo.as_deref()).expect("an article or the demo");
    // The keys and the theme first, so a mistake in them is reported before the
    // article's; then the article (a big article's first part: it loads the rest once
    // shown). All on this thread: a second thread's start and join cost more than the
    // work, since waking the other core can take a millisecond (see #7's notes).
    let keymap = Keymap::with_config(&config)?;
    let theme = Theme::choose(theme, &config)?;
    let opened = tui::loading::read(path, open.sidecar, open.decoding);
    let app = opened?.app(keymap, theme);
    let mut app = app.with_config(config);
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

pub fn entities(article: &Path, open: Open, format: EntitiesFormat) -> Result<()> {
    let doc = open.document(article)?;
    let text = match format {
        EntitiesFormat::Json => export::json_text(&export::entities_json(&doc)),
        EntitiesFormat::Table => export::entities_table(&doc),
    };
    write_stdout(&text)
}

pub fn suggest(article: &Path, open: Open, format: SuggestFormat) -> Result<()> {
    let doc = open.document(article)?;
    let suggestions =
        sidenote::suggest::suggest_in_parts(&doc.article, &doc.entities, open.threads)
            .without(&doc.rejected);
    let text = match format {
        SuggestFormat::Json => export::json_text(&export::suggestions_json(&doc, &suggestions)),
        SuggestFormat::Table => export::suggestions_table(&doc, &suggestions),
    };
    write_stdout(&text)
}

pub fn export(
    article: &Path,
    open: Open,
    format: Option<ExportFormat>,
    output: Option<&Path>,
    global: &Global,
) -> Result<()> {
    let format = format_or_default(format, global)?;
    if article.is_dir() {
        anyhow::bail!(
            "{} is a folder; add --recursive to export every article in it",
            article.display()
        );
    }
    let doc = open.document(article)?;
    let rendered = export::render(&doc, format, &export_options(global)?)?;
    match (output, rendered) {
        (Some(path), rendered) => {
            export::write(&rendered, path, &doc)?;
            Ok(())
        }
        (None, Output::One(text)) => write_stdout(&text),
        // Standard output takes one file: the annotations; their text is the article's.
        (None, Output::Brat { ann, .. }) => write_stdout(&ann),
    }
}

/// The verdict scale and theme an export uses, from the config and `--theme`.
pub fn export_options(global: &Global) -> Result<Options> {
    let config = settings(global)?;
    // The theme is read now, so that a broken one stops the export before anything is
    // written; the page reads it again by the name it was found by.
    let theme = Theme::choose(global.theme.as_deref(), &config)?;
    Ok(Options {
        verdicts: config.verdicts,
        theme: theme.name,
    })
}

/// The format `--format` names, else the config's `export_format`.
pub fn format_or_default(format: Option<ExportFormat>, global: &Global) -> Result<Format> {
    match format {
        Some(format) => Ok(format.into()),
        None => Ok(settings(global)?.export_format),
    }
}

/// The config, checked whole (its keys too) whichever command reads it.
pub fn settings(global: &Global) -> Result<Config> {
    let config = Config::load(global.config.as_deref())?;
    Keymap::with_config(&config)?;
    Ok(config)
}

/// `sidenote config`: where the settings come from and whether they are good; with
/// `--print-default`, every setting at its default, with comments.
pub fn config(global: &Global, print_default: bool) -> Result<()> {
    if print_default {
        return write_stdout(&sidenote::config::default_text());
    }
    let config = settings(global)?;
    let theme = Theme::choose(global.theme.as_deref(), &config)?;
    let file = match (&config.path, Config::platform_path()) {
        (Some(path), _) => format!("{} (read, no mistakes)", path.display()),
        (None, Some(path)) => format!(
            "{} (not there: every setting at its default)",
            path.display()
        ),
        (None, None) => "none (no config folder here: every setting at its default)".to_string(),
    };
    let folders: Vec<String> = config
        .theme_folders()
        .folders()
        .iter()
        .map(|f| f.display().to_string())
        .collect();
    let yours = config.theme_folders().user_themes();
    let out = format!(
        "config: {file}\ntheme: {}\nyour themes: {} (in {})\nexport format: {}\nauthor: {}\n",
        theme.name,
        if yours.is_empty() {
            "none".to_string()
        } else {
            yours.join(", ")
        },
        folders.join(", "),
        config.export_format.name(),
        config.author.as_deref().unwrap_or("none"),
    );
    write_stdout(&out)
}

/// Add the annotations of `input` to the article's sidecar and say what was done.
pub fn import(
    article: &Path,
    open: Open,
    from: sidenote::import::Format,
    input: &Path,
) -> Result<()> {
    let mut doc = open.document(article)?;
    let report = sidenote::import::import(&mut doc, from, input)?;
    doc.save()?;
    let mut out = format!("{}: {report}\n", doc.sidecar_path().display());
    for detail in &report.details {
        out.push_str(&format!("  {detail}\n"));
    }
    write_stdout(&out)
}

/// Prints how every annotation was found (placed at its offsets, moved, fuzzily matched,
/// orphaned), lists the fuzzy and orphaned ones, and returns whether none is orphaned.
pub fn check(article: &Path, open: Open) -> Result<bool> {
    let doc = open.document(article)?;
    let found: Vec<(Fit, &Annotation)> = doc
        .annotations
        .iter()
        .map(|a| (a.fit(&doc.article), a))
        .collect();
    let count = |fit: Fit| found.iter().filter(|(f, _)| *f == fit).count();
    let orphaned = count(Fit::Orphaned);
    let mut out = format!(
        "{}: {} placed, {} moved, {} fuzzy, {orphaned} orphaned\n",
        doc.sidecar_path().display(),
        count(Fit::Placed),
        count(Fit::Moved),
        count(Fit::Fuzzy),
    );
    for (fit, a) in &found {
        match (fit, a.range()) {
            (Fit::Fuzzy, Some(range)) => out.push_str(&format!(
                "  fuzzy {} {}: \"{}\" is now \"{}\"\n",
                a.kind,
                a.id,
                a.anchor.quote,
                &doc.article.text()[range]
            )),
            (Fit::Orphaned, _) => out.push_str(&format!(
                "  orphaned {} {}: \"{}\"\n",
                a.kind, a.id, a.anchor.quote
            )),
            _ => {}
        }
    }
    if orphaned > 0 {
        out.push_str("Orphans are kept; open the article and press O to re-attach them.\n");
    }
    write_stdout(&out)?;
    Ok(orphaned == 0)
}

/// Write to stdout; a closed pipe (`| head`) is not an error worth a message.
pub fn write_stdout(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to standard output"),
    }
}
