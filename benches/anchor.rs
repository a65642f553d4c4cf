//! Re-anchoring a thousand annotations on a 15 MB article after it changed: a paragraph
//! inserted near the top (every annotation moved), ten quotes with a word inserted
//! (fuzzy) and ten annotated sentences deleted (the archive repeats its paragraphs, so
//! these move to another copy of their words). Also the article unchanged.
//! Measured: about 110 ms changed, 1 ms unchanged (release, a shared 2-core machine).

mod archive;

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use sidenote::anchor::{self, Anchor, Placement};
use sidenote::article::Article;

const ANNOTATIONS: usize = 1_000;

fn reanchor(c: &mut Criterion) {
    let text = archive::generate(15_000_000);
    let before = Article::from_text(Path::new("a"), &text);
    let step = before.sentences().len() / ANNOTATIONS;
    let ranges: Vec<_> = (0..ANNOTATIONS)
        .map(|i| before.sentences()[i * step + 1].range.clone())
        .collect();
    let anchors: Vec<Anchor> = ranges
        .iter()
        .map(|r| Anchor::new(&before, r.clone()))
        .collect();
    let refs: Vec<&Anchor> = anchors.iter().collect();

    // Edit from the end so that earlier offsets stay valid.
    let mut changed = text.clone();
    for (i, range) in ranges.iter().enumerate().rev() {
        if i % 100 == 50 {
            changed.replace_range(range.clone(), "");
        } else if i % 100 == 7 {
            let middle = (range.start + range.len() / 2..range.end)
                .find(|&b| changed.is_char_boundary(b) && changed[b..].starts_with(' '))
                .unwrap_or(range.start);
            changed.insert_str(middle, " very");
        }
    }
    let first = changed.find("\n\n").unwrap_or(0);
    changed.insert_str(
        first,
        "\n\nA paragraph the editor added at the top, long enough.",
    );
    let after = Article::from_text(Path::new("a"), &changed);
    let placed = anchor::place_all(&refs, &after);
    let orphans = placed.iter().filter(|p| **p == Placement::Orphaned).count();
    println!("{orphans} of {ANNOTATIONS} orphaned after the edits");

    let mut group = c.benchmark_group("reanchor-15MB");
    group.sample_size(10);
    group.bench_function("unchanged", |b| {
        b.iter(|| anchor::place_all(black_box(&refs), &before))
    });
    group.bench_function("changed", |b| {
        b.iter(|| anchor::place_all(black_box(&refs), &after))
    });
    group.finish();
}

criterion_group!(benches, reanchor);
criterion_main!(benches);
