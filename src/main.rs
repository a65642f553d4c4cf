mod batch;
mod cli;
mod commands;
mod manual;

use std::process::ExitCode;

use cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::read();
    let open = commands::Open::new(&cli.global);
    let result = match &cli.command {
        Some(Command::Entities { article, format }) => commands::entities(article, open, *format),
        Some(Command::Suggest { article, format }) => commands::suggest(article, open, *format),
        Some(Command::Export {
            article,
            format,
            output,
            recursive: false,
        }) => commands::export(article, open, *format, output.as_deref(), &cli.global),
        Some(Command::Export {
            article,
            format,
            output,
            recursive: true,
        }) => match batch::export(article, *format, output.as_deref(), &cli.global) {
            Ok(true) => Ok(()),
            Ok(false) => return ExitCode::from(1),
            Err(err) => Err(err),
        },
        Some(Command::Import {
            article,
            from,
            input,
        }) => commands::import(article, open, (*from).into(), input),
        Some(Command::Check { article }) => match commands::check(article, open) {
            Ok(true) => Ok(()),
            Ok(false) => return ExitCode::from(1),
            Err(err) => Err(err),
        },
        Some(Command::Completions { shell }) => manual::completions(*shell),
        Some(Command::Man { command, dir }) => match dir {
            Some(dir) => manual::man_pages(dir),
            None => manual::man(command.as_deref()),
        },
        Some(Command::Config { print_default }) => commands::config(&cli.global, *print_default),
        None => commands::open(
            cli.article.as_deref(),
            open,
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
