//! Entity detection throughput: the long example and a generated 15 MB article.

mod archive;

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sidenote::article::Article;
use sidenote::entity;

fn detect(c: &mut Criterion) {
    let long = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/long-feature.txt"
    ))
    .unwrap();
    let big = archive::generate(15_000_000);
    let mut group = c.benchmark_group("detect");
    for (name, text, samples) in [("long-feature", &long, 100), ("archive-15MB", &big, 10)] {
        let article = Article::from_text(Path::new(name), text);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.sample_size(samples);
        group.bench_function(name, |b| b.iter(|| entity::detect(black_box(&article))));
    }
    group.finish();

    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.sample_size(10);
    group.bench_function("archive-15MB", |b| {
        b.iter(|| Article::from_text(Path::new("a"), black_box(&big)))
    });
    group.finish();
}

criterion_group!(benches, detect);
criterion_main!(benches);
