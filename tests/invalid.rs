//! Folders of invalid sidecars, themes and configs: each one stops sidenote with its own
//! one-sentence message naming the file (and the line and column, where there is one),
//! and leaves the file as it was.

use std::path::{Path, PathBuf};
use std::process::Command;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid")
}

/// Runs sidenote in the fixture folder; returns its one line of error.
fn refusal(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_sidenote"))
        .args(args)
        .current_dir(fixtures())
        .output()
        .expect("run sidenote");
    let message = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(
        output.status.code(),
        Some(2),
        "{args:?} was accepted: {message}"
    );
    assert_eq!(
        message.trim_end().lines().count(),
        1,
        "not one line: {message}"
    );
    message.trim_end().to_string()
}

/// Each message is the fixture's own: it names the file and says the expected words.
fn assert_each_refused(table: &[(&str, &str)], run: impl Fn(&str) -> String) {
    let mut seen = Vec::new();
    for (file, expected) in table {
        let message = run(file);
        assert!(
            message.contains(file),
            "{file}: the file is not named: {message}"
        );
        assert!(message.contains(expected), "{file}: {message}");
        assert!(
            !seen.contains(&message),
            "{file} shares its message: {message}"
        );
        seen.push(message);
    }
    let mut on_disk: Vec<String> = std::fs::read_dir(fixtures().join(table_folder(table)))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = table
        .iter()
        .map(|(f, _)| {
            Path::new(f)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    listed.sort();
    assert_eq!(on_disk, listed, "every fixture has a row in the table");
}

fn table_folder<'a>(table: &[(&'a str, &str)]) -> &'a str {
    table[0].0.split('/').next().unwrap()
}

const SIDECARS: &[(&str, &str)] = &[
    (
        "sidecars/broken-toml.toml",
        "is broken at line 3, column 9: unclosed table",
    ),
    (
        "sidecars/unknown-field.toml",
        "line 11, column 1: unknown field `colour`",
    ),
    (
        "sidecars/newer-format.toml",
        "has format \"sidenote/2\" at line 1, column 10, which this version of sidenote cannot read",
    ),
    (
        "sidecars/wrong-type.toml",
        "line 11, column 9: invalid type: string \"thirty-eight\"",
    ),
    (
        "sidecars/missing-field.toml",
        "line 8, column 1: missing field `kind`",
    ),
    (
        "sidecars/unknown-kind.toml",
        "line 10, column 8: unknown variant `opinion`",
    ),
    (
        "sidecars/reversed-range.toml",
        "line 11, column 9: annotation c1 ends (at 12) before it starts (at 38)",
    ),
    (
        "sidecars/duplicate-id.toml",
        "line 16, column 6: the annotation id \"c1\" is used more than once",
    ),
    (
        "sidecars/missing-source.toml",
        "line 11, column 12: c1 cites the source \"s9\", which is not in the file",
    ),
    (
        "sidecars/claim-as-source.toml",
        "line 11, column 12: c1 cites \"c2\" as a source, but it is a claim",
    ),
    (
        "sidecars/unknown-offsets.toml",
        "line 6, column 11: offsets are counted in \"bytes\"",
    ),
    ("sidecars/no-format.toml", "it has no `format` line"),
    (
        "sidecars/not-utf8.toml",
        "line 2, column 12: it is not UTF-8 text",
    ),
];

#[test]
fn every_invalid_sidecar_is_refused_with_its_own_message_and_left_untouched() {
    assert_each_refused(SIDECARS, |file| {
        let before = std::fs::read(fixtures().join(file)).unwrap();
        let mut messages = Vec::new();
        // The interface and the commands refuse alike, before touching anything.
        for command in [&["check"][..], &["export", "--format", "json"], &[]] {
            let mut args = command.to_vec();
            args.extend(["--sidecar", file, "article.txt"]);
            messages.push(refusal(&args));
        }
        assert!(messages.iter().all(|m| *m == messages[0]), "{messages:?}");
        assert_eq!(std::fs::read(fixtures().join(file)).unwrap(), before);
        messages.remove(0)
    });
}

const THEMES: &[(&str, &str)] = &[
    (
        "themes/unknown-colour.toml",
        "style `claim` has an unknown colour `chartreuse-ish`",
    ),
    (
        "themes/unknown-modifier.toml",
        "style `claim` has an unknown modifier `blinking-fast`",
    ),
    (
        "themes/unknown-key.toml",
        "line 2, column 23: unknown field `glow`",
    ),
    (
        "themes/unknown-table.toml",
        "line 1, column 2: unknown field `colours`",
    ),
    (
        "themes/broken-toml.toml",
        "line 1, column 8: unclosed table",
    ),
    (
        "themes/wrong-type.toml",
        "line 2, column 35: invalid type: string \"bold\"",
    ),
    (
        "themes/bad-palette.toml",
        "line 2, column 10: the palette's colour `accent` (`#12345`) is not a colour",
    ),
    (
        "themes/inherits-unknown.toml",
        "line 1, column 12: it inherits `sepia`, which is not a built-in theme, one of yours or a file",
    ),
    (
        "themes/inherits-number.toml",
        "line 1, column 12: invalid type: integer `3`, expected a string",
    ),
    (
        "themes/inherits-cycle-a.toml",
        "`inherits` goes round in a circle: themes/inherits-cycle-a.toml → themes/inherits-cycle-b.toml → themes/inherits-cycle-a.toml",
    ),
    (
        "themes/inherits-cycle-b.toml",
        "`inherits` goes round in a circle: themes/inherits-cycle-b.toml → themes/inherits-cycle-a.toml → themes/inherits-cycle-b.toml",
    ),
];

#[test]
fn every_invalid_theme_is_refused_with_its_own_message() {
    assert_each_refused(THEMES, |file| {
        let message = refusal(&["export", "article.txt", "--format", "html", "--theme", file]);
        // The interface refuses it too, before the terminal is touched.
        assert_eq!(refusal(&["--theme", file, "article.txt"]), message);
        message
    });
}

const CONFIGS: &[(&str, &str)] = &[
    (
        "configs/broken-toml.toml",
        "is broken at line 1, column 28: unclosed array",
    ),
    (
        "configs/unknown-setting.toml",
        "line 2, column 1: unknown field `colour`",
    ),
    (
        "configs/empty-verdicts.toml",
        "line 2, column 12: `verdicts` lists no verdict",
    ),
    (
        "configs/empty-author.toml",
        "line 1, column 10: `author` is empty",
    ),
    (
        "configs/unknown-format.toml",
        "line 1, column 17: `export_format` is \"pdf\", which is not one of json, csv",
    ),
    (
        "configs/unknown-theme.toml",
        "line 1, column 9: theme \"sepia\": no built-in theme has that name",
    ),
    (
        "configs/keys-not-a-table.toml",
        "line 2, column 11: invalid type: string \"c\", expected a map",
    ),
    (
        "configs/unknown-context.toml",
        "line 1, column 7: [keys.sidebar] is not a keymap context",
    ),
    (
        "configs/unknown-action.toml",
        "line 2, column 1: `fly` is not an action",
    ),
    (
        "configs/misplaced-action.toml",
        "line 2, column 1: `tag_claim` does nothing in [keys.entities]; it is bound in [keys.article] and [keys.selection]",
    ),
    (
        "configs/unknown-key.toml",
        "line 2, column 13: `hyper-c` (for tag_claim) is not a key",
    ),
    (
        "configs/wrong-key-type.toml",
        "line 2, column 13: `tag_claim` in [keys.article] takes a key or a list of keys",
    ),
    (
        "configs/conflict-with-default.toml",
        "line 3, column 13: `x` for tag_claim is already the key of reject_suggestion in [keys.article]",
    ),
    (
        "configs/conflict-between-own.toml",
        "line 4, column 14: `t` is bound to both tag_claim and tag_source in [keys.article] (the other is at line 2)",
    ),
];

#[test]
fn every_invalid_config_is_refused_with_its_own_message() {
    assert_each_refused(CONFIGS, |file| {
        let message = refusal(&[
            "export",
            "article.txt",
            "--format",
            "json",
            "--config",
            file,
        ]);
        // The interface and `sidenote config` refuse it alike, before the terminal is
        // touched.
        assert_eq!(refusal(&["--config", file, "article.txt"]), message);
        assert_eq!(refusal(&["config", "--config", file]), message);
        message
    });
}
