//! The command line, as clap reads it, and the commonest one read without it.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Check what news articles say: tag claims and sources from the keyboard, beside the
/// people, organisations and places the article names.
///
/// With an ARTICLE, open it in the terminal interface; annotations are kept in
/// ARTICLE.sidenote.toml beside it. With no argument, open a demo article in a scratch copy.
#[derive(Debug, Parser)]
#[command(name = "sidenote", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// The article to open: UTF-8 text, Markdown (.md) or HTML (.html), whose text is read.
    pub article: Option<PathBuf>,

    #[command(flatten)]
    pub global: Global,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The names clap gives the subcommands, `help` included.
const SUBCOMMANDS: [&str; 9] = [
    "entities",
    "suggest",
    "export",
    "import",
    "check",
    "config",
    "completions",
    "man",
    "help",
];

impl Cli {
    /// The command line. clap reads it, except the commonest one, `sidenote ARTICLE`: clap
    /// builds its definition of every command and option before it reads a word, 0.13 ms
    /// of the 4 ms before an article is on screen (see #7's notes), and one path needs none
    /// of it.
    pub fn read() -> Cli {
        Cli::article_only(std::env::args_os()).unwrap_or_else(Cli::parse)
    }

    /// `sidenote ARTICLE`, read as clap reads it; `None` for any other command line: an
    /// option, a subcommand, a word that could be either, no argument or more than one.
    fn article_only(mut args: impl Iterator<Item = OsString>) -> Option<Cli> {
        let (_program, article) = (args.next()?, args.next()?);
        let text = article.to_str()?;
        if args.next().is_some()
            || text.is_empty()
            || text.starts_with('-')
            || SUBCOMMANDS.contains(&text)
        {
            return None;
        }
        Some(Cli {
            article: Some(PathBuf::from(article)),
            global: Global {
                sidecar: None,
                theme: None,
                config: None,
                lossy: false,
            },
            command: None,
        })
    }
}

#[derive(Debug, Args)]
pub struct Global {
    /// Keep annotations in this file instead of ARTICLE.sidenote.toml.
    #[arg(long, global = true, value_name = "PATH")]
    pub sidecar: Option<PathBuf>,

    /// Colour theme: default, light, mono, high-contrast or okabe-ito, one of your own in the
    /// config folder's themes/, or the path of a theme file. NO_COLOR selects mono.
    #[arg(long, global = true, value_name = "NAME|PATH")]
    pub theme: Option<String>,

    /// Read settings from this file instead of config.toml in the config folder.
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Open an article that is not valid UTF-8, showing each invalid byte as �.
    #[arg(long, global = true)]
    pub lossy: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the people, organisations and places an article names.
    Entities {
        article: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = EntitiesFormat::Table)]
        format: EntitiesFormat,
    },
    /// Suggest the claims worth checking and who says what (less what the editor rejected).
    Suggest {
        article: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = SuggestFormat::Table)]
        format: SuggestFormat,
    },
    /// Write the article's annotations in another format; with --recursive, those of every
    /// article with a sidecar in a folder, into one file.
    Export {
        /// The article, or with --recursive a folder.
        article: PathBuf,
        /// Output format [default: the config's export_format, json unless set].
        #[arg(long, value_enum)]
        format: Option<ExportFormat>,
        /// Write to this file instead of standard output (brat: OUT.ann and OUT.txt).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Export every article with a sidecar under the folder ARTICLE, in parallel, into
        /// one file with an article column (csv, json and markdown).
        #[arg(short, long)]
        recursive: bool,
    },
    /// Add annotations made elsewhere (brat, W3C Web Annotation, sidenote JSON) to the
    /// article's sidecar.
    Import {
        article: PathBuf,
        /// The format of IN.
        #[arg(long, value_enum)]
        from: ImportFormat,
        /// The file to import (for brat, the .ann; the .txt beside it is read too).
        #[arg(value_name = "IN")]
        input: PathBuf,
    },
    /// Report whether every annotation still anchors to the text; exit 1 if any does not.
    Check { article: PathBuf },
    /// Say which config file and theme are in use, after checking them; or print the
    /// default config.
    Config {
        /// Print every setting at its default, with comments: a config.toml to start from.
        #[arg(long)]
        print_default: bool,
    },
    /// Print a completion script for a shell to standard output (see the README to install it).
    Completions {
        /// The shell to complete sidenote's commands and options in.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to standard output; with COMMAND, that command's page.
    Man {
        /// The command whose page to print (e.g. export); without one, sidenote's own page.
        command: Option<String>,
        /// Write sidenote.1 and a sidenote-COMMAND.1 for every command into this folder instead.
        #[arg(long, value_name = "DIR", conflicts_with = "command")]
        dir: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum EntitiesFormat {
    /// Aligned columns for reading.
    Table,
    /// One JSON document: {"article", "entities": [{"id", "name", "type", "aliases", "mentions"}]}.
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SuggestFormat {
    /// Aligned columns for reading.
    Table,
    /// One JSON document: {"article", "claims": [{"start", "end", "text", "paragraph",
    /// "rule"}], "attributions": [{… and "speaker": {"name", "start", "end", "entity"}}]}.
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ImportFormat {
    /// brat standoff (.ann), as sidenote or brat writes it.
    Brat,
    /// W3C Web Annotation JSON-LD: a collection, a page, an array or one annotation.
    W3c,
    /// sidenote's own `export --format json`.
    Json,
}

impl From<ImportFormat> for sidenote::import::Format {
    fn from(format: ImportFormat) -> Self {
        use sidenote::import::Format;
        match format {
            ImportFormat::Brat => Format::Brat,
            ImportFormat::W3c => Format::W3c,
            ImportFormat::Json => Format::Json,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    /// Lossless JSON: article metadata, entities, annotations with anchors and links.
    Json,
    /// One row per claim: id, paragraph, offsets, text, sources, entities, verdict, note.
    Csv,
    /// A report to read: claims by verdict with sources and notes, sourcing, entities.
    Markdown,
    /// One self-contained page: the article highlighted, a legend and the claim list.
    Html,
    /// brat standoff: OUT.txt and OUT.ann (claims, sources, entities, links, verdicts, notes).
    Brat,
    /// W3C Web Annotation JSON-LD, one annotation per claim and source.
    W3c,
    /// schema.org ClaimReview JSON-LD for every claim with a verdict.
    Claimreview,
}

impl From<ExportFormat> for sidenote::export::Format {
    fn from(format: ExportFormat) -> Self {
        use sidenote::export::Format;
        match format {
            ExportFormat::Json => Format::Json,
            ExportFormat::Csv => Format::Csv,
            ExportFormat::Markdown => Format::Markdown,
            ExportFormat::Html => Format::Html,
            ExportFormat::Brat => Format::Brat,
            ExportFormat::W3c => Format::W3c,
            ExportFormat::Claimreview => Format::ClaimReview,
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    fn args(line: &[&str]) -> Vec<OsString> {
        line.iter().map(OsString::from).collect()
    }

    #[test]
    fn an_article_alone_is_read_as_clap_reads_it_and_anything_else_is_left_to_clap() {
        for line in [
            &["sidenote", "article.txt"][..],
            &["sidenote", "notes/2026 budget.md"],
            &["sidenote", "entities.txt"],
            &["sidenote", "Help"],
        ] {
            let ours = Cli::article_only(args(line).into_iter()).expect("an article alone");
            let clap = Cli::try_parse_from(args(line)).expect("clap reads it");
            assert_eq!(format!("{ours:?}"), format!("{clap:?}"), "{line:?}");
        }
        for line in [
            &["sidenote"][..],
            &["sidenote", "entities"],
            &["sidenote", "help"],
            &["sidenote", "man"],
            &["sidenote", "--lossy"],
            &["sidenote", "-"],
            &["sidenote", "--version"],
            &["sidenote", ""],
            &["sidenote", "article.txt", "--lossy"],
            &["sidenote", "--theme", "mono", "article.txt"],
        ] {
            assert!(
                Cli::article_only(args(line).into_iter()).is_none(),
                "{line:?}"
            );
        }
    }

    #[test]
    fn every_subcommand_clap_knows_is_left_to_clap() {
        let mut names: Vec<String> = Cli::command()
            .get_subcommands()
            .map(|c| c.get_name().to_string())
            .collect();
        names.push("help".to_string());
        let mut ours: Vec<&str> = SUBCOMMANDS.to_vec();
        ours.sort_unstable();
        names.sort_unstable();
        assert_eq!(ours, names);
    }
}
