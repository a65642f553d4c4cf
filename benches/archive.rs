//! A deterministic long article for benchmarks: the example articles' body paragraphs in a
//! fixed pseudo-random order until the size is reached, as a merged news archive would be.

use std::path::Path;

pub fn generate(bytes: usize) -> String {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut names: Vec<_> = std::fs::read_dir(&examples)
        .expect("examples folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    let paragraphs: Vec<String> = names
        .iter()
        .flat_map(|p| {
            let text = std::fs::read_to_string(p).expect("example article");
            text.split("\n\n")
                .skip(2) // title and dateline
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    let mut out = String::with_capacity(bytes + 4096);
    out.push_str("Harbour and health coverage, collected\n\nPublished March 3, 2025\n\n");
    // A linear congruential generator: the same article on every machine.
    let mut state: u64 = 0x5eed;
    while out.len() < bytes {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let paragraph = &paragraphs[(state >> 33) as usize % paragraphs.len()];
        out.push_str(paragraph);
        out.push_str("\n\n");
    }
    out
}
