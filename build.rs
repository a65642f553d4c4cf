//! The built-in keymap (`assets/keymap.toml`) turned into plain lines at build time, so that
//! starting sidenote does not parse TOML before the first screen (parsing it took as long
//! as drawing the first frame). The binary reads the lines with `Keymap::default`; a test
//! checks that they give the same keymap as the TOML file read at run time.
//!
//! One line per action: `context TAB action TAB keys (space-separated) TAB description TAB hint`.

use std::fmt::Write;
use std::path::PathBuf;

fn main() {
    let source = "assets/keymap.toml";
    println!("cargo::rerun-if-changed={source}");
    let text = std::fs::read_to_string(source).expect("assets/keymap.toml is readable");
    let table: toml::Table = text.parse().expect("assets/keymap.toml is TOML");
    let mut lines = String::new();
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
            assert!(
                keys.iter().all(|k| !k.contains([' ', '\t', '\n']))
                    && !format!("{description}{hint}").contains(['\t', '\n']),
                "`{action}` in [{context}]: keys and texts have no tabs or line breaks, keys no spaces"
            );
            writeln!(
                lines,
                "{context}\t{action}\t{}\t{description}\t{hint}",
                keys.join(" ")
            )
            .unwrap();
        }
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("keymap.tsv"), lines).expect("OUT_DIR is writable");
}
