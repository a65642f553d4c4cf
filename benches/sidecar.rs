//! A sidecar with 10,000 annotations (half claims with a verdict, a note and a source,
//! half sources): saving it after one note changed, as a keystroke does (serialise, write,
//! flush, rename), and loading it (parse and place every anchor in the article).

mod archive;

use criterion::{Criterion, criterion_group, criterion_main};
use sidenote::annotation::Kind;
use sidenote::article::Article;
use sidenote::document::Document;
use sidenote::sidecar::Sidecar;

fn sidecar(c: &mut Criterion) {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("archive.txt");
    let text = archive::generate(3_000_000);
    std::fs::write(&path, &text).unwrap();
    let article = Article::from_text(&path, &text);
    let sidecar_path = folder.path().join("archive.txt.sidenote.toml");
    let mut doc = Document::from_article(article.clone(), Some(&sidecar_path), Vec::new()).unwrap();
    let sentences: Vec<_> = article
        .sentences()
        .iter()
        .map(|s| s.range.clone())
        .collect();
    assert!(sentences.len() >= 5_000, "{} sentences", sentences.len());
    for pair in sentences.chunks(2).take(5_000) {
        let claim = doc.annotations.add(&article, Kind::Claim, pair[0].clone());
        // The sentence's first word.
        let sentence = &article.text()[pair[1].clone()];
        let word = sentence.find(' ').unwrap_or(sentence.len());
        let words = pair[1].start..pair[1].start + word;
        let source = doc.annotations.add(&article, Kind::Source, words);
        doc.annotations.link(&claim, &source);
        doc.annotations.edit(&claim, |a| {
            a.verdict = Some("mostly true".into());
            a.note = Some("Checked against the ministry's figures; see the desk's notes.".into());
        });
    }
    assert_eq!(doc.annotations.len(), 10_000);

    let mut group = c.benchmark_group("sidecar-10k");
    group.sample_size(20);
    doc.save().unwrap();
    // A keystroke's save: one note changed, everything written.
    let mut n = 0;
    group.bench_function("save", |b| {
        b.iter(|| {
            n += 1;
            doc.annotations
                .edit("c2500", |a| a.note = Some(format!("Edit number {n}")));
            doc.save().unwrap()
        })
    });
    group.bench_function("load", |b| {
        b.iter(|| {
            let (_, loaded) = Sidecar::open(&sidecar_path, &article).unwrap();
            assert_eq!(loaded.annotations.len(), 10_000);
        })
    });
    group.finish();
}

criterion_group!(benches, sidecar);
criterion_main!(benches);
