//! What every article must satisfy, whatever the bytes it was read from: shared by the
//! `article` and `extract` targets.

use std::ops::Range;

use sidenote::article::Article;
use sidenote::{entity, suggest};

pub fn check(article: &Article) {
    let text = article.text();
    let fingerprint = article.fingerprint();
    assert!(fingerprint.len() == 7 + 64 && fingerprint.starts_with("blake3:"));

    check_segments(article);
    check_chars(article);

    let title = article.title_paragraph();
    let date = article.date_paragraph();
    // (A plain text needs a paragraph after its title; a page's declared title need not.)
    assert!(title.is_none_or(|t| t == 0));
    assert_eq!(article.title().is_some(), title.is_some());
    if let (Some(i), Some(d)) = (date, article.date()) {
        assert!(i < article.paragraphs().len() && Some(i) != title);
        let iso = d.iso.as_bytes();
        assert!(
            iso.len() == 10 && iso[4] == b'-' && iso[7] == b'-',
            "{:?}",
            d.iso
        );
        assert!(!d.text.is_empty());
    } else {
        assert!(date.is_none() && article.date().is_none());
    }

    let entities = entity::detect(article);
    let mut mentions: Vec<Range<usize>> = Vec::new();
    for e in entities.iter() {
        for m in &e.mentions {
            assert!(
                !m.is_empty() && text.get(m.clone()).is_some(),
                "mention {m:?}"
            );
            mentions.push(m.clone());
        }
    }
    mentions.sort_by_key(|m| (m.start, m.end));
    for pair in mentions.windows(2) {
        assert!(pair[0].end <= pair[1].start, "mentions overlap: {pair:?}");
    }

    let suggestions = suggest::suggest(article, &entities);
    for c in suggestions.claims.iter() {
        assert!(text.get(c.range.clone()).is_some(), "claim {:?}", c.range);
    }
    for a in &suggestions.attributions {
        assert!(
            text.get(a.range.clone()).is_some(),
            "statement {:?}",
            a.range
        );
        let speaker = &a.speaker.range;
        assert!(text.get(speaker.clone()).is_some(), "speaker {speaker:?}");
    }
}

/// Paragraphs and sentences are non-empty, trimmed, in order and inside one another.
pub fn check_segments(article: &Article) {
    let text = article.text();
    let trimmed = |r: &Range<usize>| {
        let s = text.get(r.clone()).expect("a range on char boundaries");
        !s.is_empty() && s.trim() == s
    };
    let mut previous_end = 0;
    let mut next_sentence = 0;
    for (i, p) in article.paragraphs().iter().enumerate() {
        assert!(previous_end <= p.range.start, "paragraphs in order");
        assert!(trimmed(&p.range), "paragraph {i} {:?}", p.range);
        assert_eq!(p.sentences.start, next_sentence, "sentences follow on");
        assert!(!p.sentences.is_empty(), "paragraph {i} has no sentence");
        let mut sentence_end = p.range.start;
        for s in &article.sentences()[p.sentences.clone()] {
            assert_eq!(s.paragraph, i);
            assert!(sentence_end <= s.range.start && s.range.end <= p.range.end);
            assert!(trimmed(&s.range), "sentence {:?} of {:?}", s.range, p.range);
            assert_eq!(article.sentence_at(s.range.start), next_sentence);
            sentence_end = s.range.end;
            next_sentence += 1;
        }
        assert_eq!(article.paragraph_at(p.range.start), i);
        previous_end = p.range.end;
    }
    assert_eq!(next_sentence, article.sentences().len());
}

/// Character and byte offsets convert both ways: at every boundary in a short text, and
/// in a long one near the index's checkpoints (every 1024 bytes) and at a sample of the
/// rest (each conversion scans up to a checkpoint's worth of text).
pub fn check_chars(article: &Article) {
    let text = article.text();
    let mut count = 0;
    for (byte, _) in text.char_indices() {
        let near_checkpoint = byte % 1024 < 8 || byte % 1024 > 1016;
        if text.len() <= 512 || near_checkpoint || count % 101 == 0 {
            assert_eq!(article.char_of(byte), count);
            assert_eq!(article.byte_of(count), byte);
        }
        count += 1;
    }
    assert_eq!(article.len_chars(), count);
    assert_eq!(article.char_of(text.len()), count);
    assert_eq!(article.byte_of(count), text.len());
    assert_eq!(article.byte_of(count + 1), text.len());
}
