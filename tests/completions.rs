//! `sidenote completions SHELL` and `sidenote man`, both generated from the CLI definition.

use std::process::{Command, Output};

fn sidenote(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sidenote"))
        .args(args)
        .output()
        .expect("run sidenote")
}

fn stdout(args: &[&str]) -> String {
    let output = sidenote(args);
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

const COMMANDS: &[&str] = &[
    "entities",
    "suggest",
    "export",
    "import",
    "check",
    "config",
    "completions",
    "man",
];

#[test]
fn every_shell_completes_the_commands_and_their_options() {
    for shell in ["bash", "zsh", "fish"] {
        let script = stdout(&["completions", shell]);
        for command in COMMANDS {
            assert!(script.contains(command), "{shell} lacks {command}");
        }
        // Options appear as `--format` (bash, zsh) or `-l format` (fish).
        for option in ["format", "output", "recursive", "sidecar", "theme", "lossy"] {
            assert!(
                script.contains(&format!("--{option}")) || script.contains(&format!("-l {option}")),
                "{shell} lacks --{option}"
            );
        }
        for format in ["claimreview", "w3c", "brat"] {
            assert!(
                script.contains(format),
                "{shell} lacks export format {format}"
            );
        }
    }
    assert!(stdout(&["completions", "bash"]).contains("complete -F _sidenote"));
    assert!(stdout(&["completions", "zsh"]).starts_with("#compdef sidenote"));
    assert!(stdout(&["completions", "fish"]).contains("complete -c sidenote"));
}

#[test]
fn an_unknown_shell_is_refused() {
    let output = sidenote(&["completions", "tcsh"]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("possible values"));
}

#[test]
fn the_man_page_has_name_synopsis_and_every_command() {
    let page = stdout(&["man"]);
    assert!(page.contains(".TH sidenote 1"), "{page}");
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH OPTIONS"] {
        assert!(page.contains(section), "man page lacks {section}");
    }
    assert!(page.contains(r"\-\-sidecar"));
    for command in COMMANDS {
        assert!(
            page.contains(&format!(r"sidenote\-{command}(1)")),
            "man page lacks {command}"
        );
    }
}

#[test]
fn each_command_has_its_own_man_page() {
    for command in COMMANDS {
        let page = stdout(&["man", command]);
        assert!(
            page.contains(&format!(".TH sidenote-{command} 1")),
            "{page}"
        );
        assert!(page.contains(".SH SYNOPSIS"));
        assert!(
            page.contains(&format!(r"\fBsidenote {command}\fR")),
            "{page}"
        );
    }
    assert!(stdout(&["man", "export"]).contains(r"\fB\-\-format\fR"));
    let dir = tempfile::tempdir().unwrap();
    let listed = stdout(&["man", "--dir", dir.path().to_str().unwrap()]);
    for command in COMMANDS {
        let file = dir.path().join(format!("sidenote-{command}.1"));
        assert!(listed.contains(file.to_str().unwrap()), "{listed}");
        assert_eq!(
            std::fs::read_to_string(file).unwrap(),
            stdout(&["man", command])
        );
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("sidenote.1")).unwrap(),
        stdout(&["man"])
    );
    let output = sidenote(&["man", "frobnicate"]);
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("no command frobnicate"), "{err}");
}
