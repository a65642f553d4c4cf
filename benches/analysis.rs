//! The analysis behind opening an article, stage by stage, on a generated 15 MB article:
//! segmentation (paragraphs, sentences, fingerprint, character index), entity detection
//! (with the corrections applied, none here), suggestions (claims and attributions), and
//! all three in a row as a background load runs them. The target is under a second in
//! total on one core. The same article without its blank lines (a text saved without line
//! ends, one block of 15 MB, cut into paragraphs of 16 KB) takes the same time: where a
//! rule looked through every quotation of the block for each sentence, it took over a
//! minute.

mod archive;

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sidenote::article::Article;
use sidenote::{entity, suggest};

fn analysis(c: &mut Criterion) {
    let text = archive::generate(15_000_000);
    let path = Path::new("archive.txt");
    let article = Article::from_text(path, &text);
    let entities = entity::apply(&article, &entity::detect(&article), &[], &[]);
    let mut group = c.benchmark_group("analysis-15MB");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("segment", |b| {
        b.iter(|| Article::from_text(path, black_box(&text)))
    });
    group.bench_function("entities", |b| {
        b.iter(|| entity::apply(&article, &entity::detect(black_box(&article)), &[], &[]))
    });
    group.bench_function("suggestions", |b| {
        b.iter(|| suggest::suggest(black_box(&article), &entities))
    });
    group.bench_function("total", |b| b.iter(|| everything(black_box(&text))));
    group.finish();

    let no_blank_lines = text.replace("\n\n", " ");
    let mut group = c.benchmark_group("analysis-15MB-no-blank-lines");
    group.throughput(Throughput::Bytes(no_blank_lines.len() as u64));
    group.sample_size(10);
    group.bench_function("total", |b| {
        b.iter(|| everything(black_box(&no_blank_lines)))
    });
    group.finish();
}

/// Every stage, as a background load runs them.
fn everything(text: &str) -> suggest::Suggestions {
    let article = Article::from_text(Path::new("archive.txt"), text);
    let detected = entity::detect(&article);
    let entities = entity::apply(&article, &detected, &[], &[]);
    suggest::suggest(&article, &entities)
}

criterion_group!(benches, analysis);
criterion_main!(benches);
