mod batch;
mod cli;
mod commands;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let sidecar = cli.global.sidecar.as_deref();
    let result = match &cli.command {
        Some(Command::Entities { article, format }) => {
            commands::entities(article, sidecar, *format)
        }
        Some(Command::Suggest { article, format }) => commands::suggest(article, sidecar, *format),
        Some(Command::Export {
            article,
            format,
            output,
            recursive: false,
        }) => commands::export(
            article,
            sidecar,
            (*format).into(),
            output.as_deref(),
            &cli.global,
        ),
        Some(Command::Export {
            article,
            format,
            output,
            recursive: true,
        }) => match batch::export(article, (*format).into(), output.as_deref(), &cli.global) {
            Ok(true) => Ok(()),
            Ok(false) => return ExitCode::from(1),
            Err(err) => Err(err),
        },
        Some(Command::Import {
            article,
            from,
            input,
        }) => commands::import(article, sidecar, (*from).into(), input),
        Some(Command::Check { article }) => match commands::check(article, sidecar) {
            Ok(true) => Ok(()),
            Ok(false) => return ExitCode::from(1),
            Err(err) => Err(err),
        },
        None => commands::open(
            cli.article.as_deref(),
            sidecar,
            cli.global.theme.as_deref(),
            cli.global.config.as_deref(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("sidenote: {err:#}");
            ExitCode::from(2)
        }
    }
}
