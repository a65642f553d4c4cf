//! Shell completions and the man pages, generated from the command-line definition in
//! `cli.rs`, so they can never disagree with what the program accepts.

use std::path::Path;

use anyhow::{Context, Result, bail};
use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::commands::write_stdout;

/// `sidenote completions SHELL`: the completion script on standard output.
pub fn completions(shell: Shell) -> Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "sidenote", &mut script);
    write_stdout(&String::from_utf8(script)?)
}

/// `sidenote man [COMMAND]`: sidenote(1), or sidenote-COMMAND(1), as roff on standard output.
pub fn man(command: Option<&str>) -> Result<()> {
    let cli = built();
    let page = match command {
        None => cli,
        Some(name) => match cli.find_subcommand(name) {
            Some(sub) => sub.clone(),
            None => {
                let names: Vec<&str> = cli.get_subcommands().map(|c| c.get_name()).collect();
                bail!(
                    "there is no command {name} to print the manual page of (the commands are {})",
                    names.join(", ")
                );
            }
        },
    };
    write_stdout(&render(page)?)
}

/// `sidenote man --dir DIR`: sidenote.1 and sidenote-COMMAND.1 for every command in DIR.
pub fn man_pages(dir: &Path) -> Result<()> {
    let cli = built();
    let pages = std::iter::once(cli.clone()).chain(cli.get_subcommands().cloned());
    let mut written = String::new();
    for page in pages {
        let name = page
            .get_display_name()
            .unwrap_or(page.get_name())
            .to_string();
        let path = dir.join(format!("{name}.1"));
        std::fs::write(&path, render(page)?)
            .with_context(|| format!("cannot write the man page {}", path.display()))?;
        written.push_str(&format!("{}\n", path.display()));
    }
    write_stdout(&written)
}

/// The command line with every subcommand named "sidenote-COMMAND", as its page is called.
fn built() -> clap::Command {
    let mut cli = Cli::command().disable_help_subcommand(true);
    cli.build();
    cli
}

fn render(page: clap::Command) -> Result<String> {
    let mut roff = Vec::new();
    clap_mangen::Man::new(page)
        .source(format!("sidenote {}", env!("CARGO_PKG_VERSION")))
        .render(&mut roff)?;
    Ok(String::from_utf8(roff)?)
}
