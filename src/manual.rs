//! Shell completions and the man page, generated from the command-line definition in
//! `cli.rs`, so they can never disagree with what the program accepts.

use anyhow::{Result, bail};
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
    let mut cli = Cli::command().disable_help_subcommand(true);
    // Building names each subcommand "sidenote-COMMAND", as its page is called.
    cli.build();
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
    let mut roff = Vec::new();
    clap_mangen::Man::new(page)
        .manual("sidenote manual")
        .source(format!("sidenote {}", env!("CARGO_PKG_VERSION")))
        .render(&mut roff)?;
    write_stdout(&String::from_utf8(roff)?)
}
