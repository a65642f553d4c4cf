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
