//! Themes: every built-in one draws the main screen (a styled snapshot each) and styles
//! the HTML page; scopes fall back along the dots; `inherits` lays a theme over another;
//! the user's own themes are found by name.

mod common;

use std::path::{Path, PathBuf};

use common::app::{open, press, screen};
use ratatui::style::{Color, Modifier};
use sidenote::config::Config;
use sidenote::document::Document;
use sidenote::export::html;
use sidenote::themes::{BUILT_IN, Colour, ThemeFile, ThemeFolders};
use sidenote::tui::Theme;

fn valid_themes() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/themes")
}

/// The main screen of a tagged article: a claim, a source, the cursor on the source.
#[test]
fn every_built_in_theme_draws_the_main_screen() {
    for (name, _) in BUILT_IN {
        let (_dir, path) = common::copy_example("harbour-wire.txt");
        let mut app = open(&path, 80, 24, name);
        press(&mut app, "j j j c j v e e s");
        let terminal = screen(&app);
        // The buffer's debug form lists each run of cells with its colours and modifiers.
        insta::assert_debug_snapshot!(format!("main_screen_{name}"), terminal.backend().buffer());
    }
}

#[test]
fn every_built_in_theme_styles_the_html_page() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export");
    let doc = Document::open(&fixtures.join("ferry.txt"), None).unwrap();
    for (name, _) in BUILT_IN {
        let theme = ThemeFile::load(name).unwrap();
        let page = html::export(&doc, name).unwrap();
        let css = &page[page.find("<style>").unwrap()..page.find("</style>").unwrap()];
        // Claims are underlined and sources bold in every theme, colour or not.
        assert!(css.contains(".claim { "), "{name}: {css}");
        assert!(css.contains("text-decoration-line: underline"), "{name}");
        assert!(css.contains(".source { "), "{name}");
        if let Some(Colour::Rgb(r, g, b)) = theme.style("claim").and_then(|s| s.fg) {
            let colour = format!("#{r:02x}{g:02x}{b:02x}");
            assert!(
                css.contains(&format!(".claim {{ color: {colour};")),
                "{name}: {css}"
            );
        }
    }
    let okabe_ito = html::export(&doc, "okabe-ito").unwrap();
    assert!(okabe_ito.contains(".claim { color: #e69f00;"));
    assert!(okabe_ito.contains(".source { color: #56b4e9;"));
}

#[test]
fn scopes_fall_back_along_the_dots() {
    let theme = ThemeFile::find(
        valid_themes().join("scoped.toml").to_str().unwrap(),
        &ThemeFolders::default(),
    )
    .unwrap();
    let entity = theme.style("entity").unwrap();
    assert_eq!(theme.style("entity.person"), Some(entity));
    assert_eq!(theme.style("entity.place.capital"), Some(entity));
    assert_eq!(theme.style("gutter.claim"), theme.style("gutter"));
    assert_eq!(theme.style("status"), None);
    assert_eq!(
        theme.style("text").unwrap().fg,
        Some(Colour::Rgb(0x20, 0x20, 0x20))
    );
}

#[test]
fn a_theme_inherits_palette_and_styles_and_replaces_what_it_names() {
    let light = ThemeFile::load("light").unwrap();
    let folders = ThemeFolders::default();
    let child = ThemeFile::find(
        valid_themes()
            .join("inherits-built-in.toml")
            .to_str()
            .unwrap(),
        &folders,
    )
    .unwrap();
    // The parent's `claim` style, in the child's `claim` colour.
    let claim = child.style("claim").unwrap();
    assert_eq!(claim.fg, Some(Colour::Rgb(0x9b, 0x22, 0x26)));
    assert_eq!(claim.modifiers, light.style("claim").unwrap().modifiers);
    assert_eq!(child.style("source"), light.style("source"));
    assert_eq!(child.style("entity.person"), light.style("entity.person"));

    // A grandchild finds its parent beside it by name, and replaces one style whole.
    let grandchild = ThemeFile::find(
        valid_themes()
            .join("inherits-sibling.toml")
            .to_str()
            .unwrap(),
        &folders,
    )
    .unwrap();
    assert_eq!(grandchild.style("claim"), child.style("claim"));
    let source = grandchild.style("source").unwrap();
    assert_eq!(source.fg, light.style("source").unwrap().fg);
    assert_eq!(source.modifiers.len(), 2);

    // okabe-ito is default with other colours.
    let default = Theme::load("default").unwrap();
    let okabe_ito = Theme::load("okabe-ito").unwrap();
    assert_eq!(
        okabe_ito.style("claim").fg,
        Some(Color::Rgb(0xe6, 0x9f, 0x00))
    );
    assert_eq!(
        okabe_ito.style("claim").add_modifier,
        default.style("claim").add_modifier
    );
    assert_eq!(okabe_ito.style("cursor"), default.style("cursor"));
}

#[test]
fn a_users_theme_is_found_by_name_and_may_take_a_built_in_name() {
    let dir = tempfile::tempdir().unwrap();
    let themes = dir.path().join("themes");
    std::fs::create_dir(&themes).unwrap();
    let config_path = dir.path().join("config.toml");
    std::fs::write(&config_path, "theme = \"default\"\n").unwrap();
    // A user's `default` inherits the built-in `default`, not itself.
    std::fs::write(
        themes.join("default.toml"),
        "inherits = \"default\"\n[styles]\nclaim = { modifiers = [\"underlined\", \"bold\"] }\n",
    )
    .unwrap();
    std::fs::write(themes.join("desk.toml"), "inherits = \"default\"\n").unwrap();
    let config = Config::load(Some(&config_path)).unwrap();
    let theme = Theme::choose(None, &config).unwrap();
    assert_eq!(
        theme.name,
        themes.join("default.toml").display().to_string()
    );
    let claim = theme.style("claim");
    assert_eq!(claim.fg, None);
    assert!(claim.add_modifier.contains(Modifier::BOLD));
    // `desk` inherits the user's `default` beside it, which inherits the built-in one.
    let desk = Theme::choose(Some("desk"), &config).unwrap();
    assert_eq!(desk.style("claim"), claim);
    assert_eq!(
        desk.style("source"),
        Theme::load("default").unwrap().style("source")
    );
    assert_eq!(
        config.theme_folders().user_themes(),
        ["default".to_string(), "desk".to_string()]
    );
    // An unknown name lists the user's themes as well as the built-in ones.
    let err = Theme::choose(Some("sepia"), &config)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains(
            "built in: default, light, mono, high-contrast, okabe-ito; yours: default, desk"
        ),
        "{err}"
    );
}
