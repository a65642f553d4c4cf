//! Entities detected in sentences written for the tests.

use std::path::Path;

use sidenote::article::Article;
use sidenote::entity;

/// Every mention detected in `text`, as (mention text, type), in text order.
pub fn mentions(text: &str) -> Vec<(String, &'static str)> {
    let article = Article::from_text(Path::new("t.txt"), text);
    let entities = entity::detect(&article);
    let mut found: Vec<(usize, String, &'static str)> = entities
        .iter()
        .flat_map(|e| {
            let article = &article;
            e.mentions.iter().map(move |m| {
                (
                    m.start,
                    article.text()[m.clone()].to_string(),
                    e.kind.as_str(),
                )
            })
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, t, k)| (t, k)).collect()
}

pub fn owned(expected: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
    expected.iter().map(|(t, k)| (t.to_string(), *k)).collect()
}

/// A rule, a sentence written to show it, and the mentions it should give.
pub type Case = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);
