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
