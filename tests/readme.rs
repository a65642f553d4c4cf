//! The README stays true to the program it describes.

use sidenote::tui::Keymap;

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

#[test]
fn every_default_key_is_in_the_readme() {
    let readme = readme();
    for (context, bindings) in Keymap::default().sections() {
        for binding in bindings {
            for key in &binding.key_names {
                assert!(
                    readme.contains(&format!("`{key}`")),
                    "README's key table lacks `{key}` ({}, {:?})",
                    context.title(),
                    binding.action
                );
            }
        }
    }
}

#[test]
fn every_built_in_theme_is_in_the_readme() {
    let readme = readme();
    for (name, _) in sidenote::tui::theme::BUILT_IN {
        assert!(
            readme.contains(&format!("--theme {name}")),
            "README lacks theme {name}"
        );
    }
}

/// Every test the README's "What sidenote promises" cites exists, in the file it names.
#[test]
fn every_promise_names_a_test_that_exists() {
    let readme = readme();
    let start = readme
        .find("## What sidenote promises")
        .expect("the promises section");
    let section = &readme[start..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |i| i + 3)];
    let mut cited = 0;
    for row in section
        .lines()
        .filter(|l| l.starts_with("| ") && l.contains("tests/"))
    {
        let proof = row.rsplit('|').nth(1).expect("a proof column");
        let mut file = None;
        for item in proof.split('`').skip(1).step_by(2) {
            if item.starts_with("tests/") {
                file = Some(item);
                continue;
            }
            let file = file.expect("a test file before each test name");
            let source = std::fs::read_to_string(
                concat!(env!("CARGO_MANIFEST_DIR"), "/").to_string() + file,
            )
            .unwrap_or_else(|_| panic!("{file} is cited but does not exist"));
            assert!(
                source.contains(&format!("fn {item}(")),
                "{file} has no test {item}"
            );
            cited += 1;
        }
    }
    assert!(cited >= 20, "only {cited} tests cited");
}

/// Every setting of the config is in the Settings section's example, set to something.
#[test]
fn every_config_setting_is_in_the_readme_with_an_example() {
    let readme = readme();
    let start = readme
        .find("### Settings: `config.toml`")
        .expect("a Settings section");
    let section = &readme[start..];
    let section = &section[..section[4..].find("\n### ").map_or(section.len(), |i| i + 4)];
    // The printed default, with its commented-out settings set, names every setting.
    let every = sidenote::config::default_text()
        .replace("# author = ", "author = ")
        .replace("# theme = ", "theme = ");
    let table: toml::Table = toml::from_str(&every).unwrap();
    for key in table.keys() {
        if key == "keys" {
            assert!(
                section.contains("[keys."),
                "README lacks a [keys.CONTEXT] example"
            );
        } else {
            assert!(
                section.contains(&format!("\n{key} = ")),
                "README's Settings lacks an example of `{key}`"
            );
        }
    }
    // And every setting the README shows is a real one.
    let example = &section[section.find("```toml").unwrap() + 7..];
    let example = &example[..example.find("```").unwrap()];
    let config =
        sidenote::config::Config::parse(std::path::Path::new("README.md"), example).unwrap();
    Keymap::with_config(&config).unwrap();
}
