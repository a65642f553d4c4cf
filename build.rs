//! The built-in keymap (`assets/keymap.toml`) and themes (`themes/*.toml`) turned at build
//! time into what starting sidenote can use without parsing TOML before the first screen
//! (parsing the keymap took as long as drawing the first frame, the default theme a fifth
//! of the time from `main` to it). `Keymap::default` and `ThemeFile::built_in` read them;
//! tests check that they give what the TOML files read at run time give.
//!
//! The keymap, as Rust: an array with one entry per action, `(Context::Name,
//! Action::Name, [keys], description, hint)`. Reading it as lines of text still cost a fifth
//! of the time from `main` to the first frame, most of it in splitting the lines and
//! copying their fields; an action the enum does not have is now an error at build time.
//!
//! The themes, one line per theme (`= name`) followed by one per scope, its inherited
//! ones included: `scope TAB fg TAB bg TAB modifiers (space-separated)`, each colour as
//! written once palette names are resolved, empty when not given.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::PathBuf;

fn main() {
    pack_relocations();
    keymap();
    themes();
}

/// The binary's relocations packed (DT_RELR) rather than one 24-byte entry each. It has
/// about 19,000, most of them the addresses in string slices (the HTML parser's entity
/// names, word lists, the pieces of format strings), a few thousand the source locations
/// of panic messages; applying them one entry at a time cost about half a millisecond of
/// the first screen. The loader still places the binary at a random address.
///
/// Only for a build for this machine whose glibc is 2.36 or later: an older loader would
/// not apply them. A linker older than binutils 2.38 warns and writes the usual table.
fn pack_relocations() {
    let env = |key: &str| std::env::var(key).unwrap_or_default();
    let native = env("HOST") == env("TARGET") && env("CARGO_CFG_TARGET_ENV") == "gnu";
    if native && glibc_at_least(2, 36) {
        println!("cargo::rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}

/// Whether this machine's glibc, as `getconf` reports it ("glibc 2.36"), is this one or a
/// later one; false when it cannot tell.
fn glibc_at_least(major: u32, minor: u32) -> bool {
    let Ok(output) = std::process::Command::new("getconf")
        .arg("GNU_LIBC_VERSION")
        .output()
    else {
        return false;
    };
    let text = String::from_utf8_lossy(&output.stdout);
    let mut numbers = text
        .trim()
        .strip_prefix("glibc ")
        .unwrap_or("")
        .split('.')
        .map(|n| n.parse::<u32>().ok());
    match (numbers.next().flatten(), numbers.next().flatten()) {
        (Some(a), Some(b)) => (a, b) >= (major, minor),
        _ => false,
    }
}

fn keymap() {
    let source = "assets/keymap.toml";
    println!("cargo::rerun-if-changed={source}");
    let text = std::fs::read_to_string(source).expect("assets/keymap.toml is readable");
    let table: toml::Table = text.parse().expect("assets/keymap.toml is TOML");
    let mut entries = String::from("[\n");
    for (context, actions) in &table {
        let actions = actions.as_table().expect("a keymap section is a table");
        for (action, entry) in actions {
            let field = |name: &str| entry.get(name).and_then(toml::Value::as_str);
            let keys: Vec<&str> = entry
                .get("keys")
                .and_then(toml::Value::as_array)
                .expect("every action has keys")
                .iter()
                .map(|k| k.as_str().expect("a key is a string"))
                .collect();
            let description = field("description").expect("every action has a description");
            let hint = field("hint").unwrap_or("");
            writeln!(
                entries,
                "    (Context::{}, Action::{}, &{keys:?}, {description:?}, {hint:?}),",
                camel_case(context),
                camel_case(action),
            )
            .unwrap();
        }
    }
    entries.push_str("]\n");
    write("keymap.rs", &entries);
}

/// `show_help` → `ShowHelp`: the keymap's names as the enums' variants.
fn camel_case(snake: &str) -> String {
    snake
        .split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or(String::new(), |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect()
}

fn write(name: &str, text: &str) {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join(name), text).expect("OUT_DIR is writable");
}

/// Every theme in `themes/` (the built-in ones, which `src/themes/mod.rs` embeds), its
/// parents' palette and styles laid under its own (a built-in theme inherits only built-in
/// ones). The run-time reader reports mistakes; here they stop the build.
fn themes() {
    println!("cargo::rerun-if-changed=themes");
    let mut names: Vec<String> = std::fs::read_dir("themes")
        .expect("themes/ is readable")
        .map(|entry| entry.expect("themes/ is readable").path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .map(|path| {
            path.file_stem()
                .expect("a file")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    let mut lines = String::new();
    for name in &names {
        let name = name.as_str();
        let (palette, styles) = resolve(name);
        writeln!(lines, "= {name}").unwrap();
        for (scope, style) in &styles {
            let field = |key: &str| {
                let value = style.get(key).and_then(toml::Value::as_str).unwrap_or("");
                palette.get(value).map_or(value, String::as_str).to_string()
            };
            let modifiers: Vec<&str> = style
                .get("modifiers")
                .and_then(toml::Value::as_array)
                .map(|m| m.iter().filter_map(toml::Value::as_str).collect())
                .unwrap_or_default();
            writeln!(
                lines,
                "{scope}\t{}\t{}\t{}",
                field("fg"),
                field("bg"),
                modifiers.join(" ")
            )
            .unwrap();
        }
    }
    write("themes.tsv", &lines);
}

type Palette = BTreeMap<String, String>;
type Styles = BTreeMap<String, toml::Table>;

fn resolve(name: &str) -> (Palette, Styles) {
    let source = format!("themes/{name}.toml");
    println!("cargo::rerun-if-changed={source}");
    let text = std::fs::read_to_string(&source).expect("a built-in theme is readable");
    let table: toml::Table = text.parse().expect("a built-in theme is TOML");
    let (mut palette, mut styles) = match table.get("inherits").and_then(toml::Value::as_str) {
        Some(parent) => resolve(parent),
        None => Default::default(),
    };
    let section = |key: &str| table.get(key).and_then(toml::Value::as_table).cloned();
    for (key, value) in section("palette").unwrap_or_default() {
        let colour = value.as_str().expect("a palette colour is a string");
        palette.insert(key, colour.to_string());
    }
    for (scope, style) in section("styles").unwrap_or_default() {
        let style = style.as_table().expect("a style is a table").clone();
        assert!(
            style
                .values()
                .all(|v| !v.to_string().contains(['\t', '\n'])),
            "{source}: `{scope}` has no tabs or line breaks"
        );
        styles.insert(scope, style);
    }
    (palette, styles)
}
