//! The config file: the printed default parses back to the defaults, every valid fixture
//! loads, and each setting does what the README says.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::app::{open_with, press};
use sidenote::config::{Config, DEFAULT_VERDICTS, default_text};
use sidenote::document::Document;
use sidenote::export::Format;
use sidenote::tui::{Keymap, Theme};

fn valid() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/configs")
}

/// sidenote with its config folder in `home` (so the tester's own config is not read).
fn sidenote(args: &[&str], home: &Path, env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_sidenote"));
    command
        .args(args)
        .env("XDG_CONFIG_HOME", home)
        .env("HOME", home)
        .env_remove("NO_COLOR");
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("run sidenote")
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Each binding as (context, action, keys, description, hint), to compare keymaps.
fn bindings(keymap: &Keymap) -> Vec<String> {
    keymap
        .sections()
        .flat_map(|(context, bindings)| {
            bindings.iter().map(move |b| {
                format!(
                    "{} {:?} {:?} {} {:?}",
                    context.name(),
                    b.action,
                    b.key_names,
                    b.description,
                    b.hint
                )
            })
        })
        .collect()
}

#[test]
fn the_printed_default_config_parses_back_to_the_defaults() {
    let home = tempfile::tempdir().unwrap();
    let printed = stdout(&sidenote(&["config", "--print-default"], home.path(), &[]));
    assert_eq!(printed, default_text());
    let config = Config::parse(Path::new("printed.toml"), &printed).unwrap();
    let defaults = Config::default();
    assert_eq!(config.verdicts, DEFAULT_VERDICTS);
    assert_eq!(config.verdicts, defaults.verdicts);
    assert_eq!(config.author, None);
    assert_eq!(config.theme, None);
    assert_eq!(config.export_format, defaults.export_format);
    // It spells out every key of the built-in keymap, and changes none.
    let keymap = Keymap::with_config(&config).unwrap();
    let listed: usize = config.keys.iter().map(|c| c.bindings.len()).sum();
    assert_eq!(listed, bindings(&Keymap::default()).len());
    assert_eq!(bindings(&keymap), bindings(&Keymap::default()));
    // Every commented-out setting is a real one: uncommented, it still parses.
    let uncommented = printed
        .replace("# author = ", "author = ")
        .replace("# theme = ", "theme = ");
    let config = Config::parse(Path::new("printed.toml"), &uncommented).unwrap();
    assert_eq!(config.author.as_deref(), Some("Your Name"));
    assert_eq!(config.theme_name().as_deref(), Some("default"));
}

#[test]
fn every_valid_config_loads_with_its_keymap_and_theme() {
    let home = tempfile::tempdir().unwrap();
    let mut names = Vec::new();
    for entry in std::fs::read_dir(valid()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let config = Config::load(Some(&path)).unwrap();
        Keymap::with_config(&config).unwrap();
        Theme::choose(None, &config).unwrap();
        let said = stdout(&sidenote(
            &["config", "--config", path.to_str().unwrap()],
            home.path(),
            &[],
        ));
        assert!(said.contains("read, no mistakes"), "{said}");
        names.push(path.file_name().unwrap().to_string_lossy().into_owned());
    }
    names.sort();
    assert_eq!(
        names,
        [
            "comments-only.toml",
            "every-setting.toml",
            "keys-only.toml",
            "theme-path.toml"
        ]
    );
}

#[test]
fn every_setting_is_used() {
    let config = Config::load(Some(&valid().join("every-setting.toml"))).unwrap();
    assert_eq!(config.verdicts, ["correct", "misleading", "wrong"]);
    assert_eq!(config.export_format, Format::Markdown);
    // The theme is found by name beside the config, and inherits a built-in one.
    let theme = Theme::choose(None, &config).unwrap();
    assert!(
        theme.name.ends_with("themes/newsroom.toml"),
        "{}",
        theme.name
    );
    let by_path = Config::load(Some(&valid().join("theme-path.toml"))).unwrap();
    assert_eq!(Theme::choose(None, &by_path).unwrap().name, theme.name);

    // The author is stamped on what is tagged, and saved.
    let (_dir, article) = common::copy_example("demo.txt");
    let mut app = open_with(&article, 100, 30, config);
    press(&mut app, "j t");
    let claim = app.doc.annotations.iter().next().expect("t tags a claim");
    assert_eq!(claim.author.as_deref(), Some("Ingrid Holm"));
    let sidecar = std::fs::read_to_string(common::sidecar_of(&article)).unwrap();
    assert!(sidecar.contains("author = \"Ingrid Holm\""), "{sidecar}");
    let reopened = Document::open(&article, None).unwrap();
    let claim = reopened.annotations.iter().next().unwrap();
    assert_eq!(claim.author.as_deref(), Some("Ingrid Holm"));

    // The export menu starts on the config's format: `E enter` offers a Markdown file.
    press(&mut app, "E enter");
    let screen = common::app::screen(&app).backend().to_string();
    assert!(screen.contains("demo.txt.md"), "{screen}");
    press(&mut app, "esc");

    // The JSON export carries it; export without --format writes the config's format.
    let home = tempfile::tempdir().unwrap();
    let config_path = valid().join("every-setting.toml");
    let config_arg = config_path.to_str().unwrap();
    let json = stdout(&sidenote(
        &[
            "export",
            article.to_str().unwrap(),
            "--format",
            "json",
            "--config",
            config_arg,
        ],
        home.path(),
        &[],
    ));
    assert!(json.contains("\"author\": \"Ingrid Holm\""), "{json}");
    let report = stdout(&sidenote(
        &["export", article.to_str().unwrap(), "--config", config_arg],
        home.path(),
        &[],
    ));
    assert!(
        report.starts_with("# "),
        "markdown, by the config: {report}"
    );
    let default = stdout(&sidenote(
        &["export", article.to_str().unwrap()],
        home.path(),
        &[],
    ));
    assert!(default.trim_start().starts_with('{'), "json by default");
}

#[test]
fn annotations_made_without_an_author_have_none_and_old_sidecars_load() {
    let (_dir, article) = common::copy_example("demo.txt");
    let mut app = open_with(&article, 100, 30, Config::default());
    press(&mut app, "j c");
    assert_eq!(app.doc.annotations.iter().next().unwrap().author, None);
    let sidecar = std::fs::read_to_string(common::sidecar_of(&article)).unwrap();
    assert!(!sidecar.contains("author"), "{sidecar}");
    // The export fixture's sidecar was written before authors were kept.
    let (_dir, ferry) = common::copy_ferry();
    let doc = Document::open(&ferry, None).unwrap();
    assert!(doc.annotations.iter().all(|a| a.author.is_none()));
}

#[test]
fn the_theme_comes_from_the_flag_then_the_config_then_no_color() {
    let home = tempfile::tempdir().unwrap();
    let theme_of = |args: &[&str], env: &[(&str, &str)]| {
        let mut all = vec!["config"];
        all.extend(args);
        let said = stdout(&sidenote(&all, home.path(), env));
        said.lines()
            .find_map(|l| l.strip_prefix("theme: "))
            .unwrap()
            .to_string()
    };
    let config = valid().join("every-setting.toml");
    let config = config.to_str().unwrap();
    assert_eq!(theme_of(&[], &[]), "default");
    assert_eq!(theme_of(&[], &[("NO_COLOR", "1")]), "mono");
    // A setting the user made wins over NO_COLOR, and --theme over both.
    let newsroom = theme_of(&["--config", config], &[("NO_COLOR", "1")]);
    assert!(newsroom.ends_with("newsroom.toml"), "{newsroom}");
    assert_eq!(
        theme_of(&["--config", config, "--theme", "light"], &[]),
        "light"
    );
    // Without --config, themes/ in the platform config folder holds the user's themes.
    let themes = home.path().join("sidenote/themes");
    std::fs::create_dir_all(&themes).unwrap();
    std::fs::write(themes.join("paper.toml"), "inherits = \"light\"\n").unwrap();
    let paper = theme_of(&["--theme", "paper"], &[]);
    assert_eq!(paper, themes.join("paper.toml").display().to_string());
    std::fs::write(
        home.path().join("sidenote/config.toml"),
        "theme = \"paper\"\n",
    )
    .unwrap();
    assert_eq!(theme_of(&[], &[]), paper);
}

#[test]
fn the_author_goes_through_json_and_w3c_export_and_import() {
    use sidenote::export::{self, Options, Output};
    let (dir, article) = common::copy_example("demo.txt");
    let config = Config::parse(Path::new("c.toml"), "author = \"Ingrid Holm\"\n").unwrap();
    let mut app = open_with(&article, 100, 30, config);
    press(&mut app, "c j v e s");
    for (format, import) in [
        (Format::Json, sidenote::import::Format::Json),
        (Format::W3c, sidenote::import::Format::W3c),
    ] {
        let Output::One(text) = export::render(&app.doc, format, &Options::default()).unwrap()
        else {
            unreachable!("one file")
        };
        let exported = dir.path().join(format!("export.{}", format.name()));
        std::fs::write(&exported, text).unwrap();
        let (_fresh, copy) = common::copy_example("demo.txt");
        let mut doc = Document::open(&copy, None).unwrap();
        sidenote::import::import(&mut doc, import, &exported).unwrap();
        assert_eq!(doc.annotations.len(), 2, "{format:?}");
        for annotation in doc.annotations.iter() {
            assert_eq!(
                annotation.author.as_deref(),
                Some("Ingrid Holm"),
                "{format:?}"
            );
        }
    }
}
