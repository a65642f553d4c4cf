//! Paragraphs, sentences, title and date, as a reader would split them.

use std::path::Path;

use sidenote::article::Article;

fn article(text: &str) -> Article {
    Article::from_text(Path::new("test.txt"), text)
}

fn sentences(text: &str) -> Vec<String> {
    let article = article(text);
    (0..article.sentences().len())
        .map(|i| article.sentence_text(i).to_string())
        .collect()
}

fn paragraphs(text: &str) -> Vec<String> {
    let article = article(text);
    (0..article.paragraphs().len())
        .map(|i| article.paragraph_text(i).to_string())
        .collect()
}

#[test]
fn paragraphs_are_blocks_between_blank_lines() {
    let text = "First line\nstill the first.\n\n\n  Second one.  \n \t\nThird.\n";
    assert_eq!(
        paragraphs(text),
        ["First line\nstill the first.", "Second one.", "Third."]
    );
}

#[test]
fn without_blank_lines_every_line_is_a_paragraph() {
    assert_eq!(paragraphs("One.\nTwo.\n\nThree."), ["One.\nTwo.", "Three."]);
    assert_eq!(
        paragraphs("One.\nTwo.\nThree.\n"),
        ["One.", "Two.", "Three."]
    );
}

#[test]
fn crlf_and_a_byte_order_mark_are_accepted() {
    let article = article("\u{feff}Title here\r\n\r\nBody text. More.\r\n");
    assert_eq!(article.text(), "Title here\n\nBody text. More.\n");
    assert_eq!(article.title(), Some("Title here"));
    assert_eq!(article.sentences().len(), 3);
}

#[test]
fn titles_abbreviations_and_initials_do_not_end_sentences() {
    assert_eq!(
        sentences("Mr. Berg met Dr. Okafor and Gen. Mæland. J. R. Okafor said no. Ms. Vance left."),
        [
            "Mr. Berg met Dr. Okafor and Gen. Mæland.",
            "J. R. Okafor said no.",
            "Ms. Vance left."
        ]
    );
}

#[test]
fn dotted_abbreviations_and_decimals_do_not_end_sentences() {
    assert_eq!(
        sentences(
            "The U.S. Senate voted. Growth was 3.5 percent, or $1.2 billion. Rates rose at 9 a.m. Then they fell."
        ),
        [
            "The U.S. Senate voted.",
            "Growth was 3.5 percent, or $1.2 billion.",
            "Rates rose at 9 a.m.",
            "Then they fell."
        ]
    );
    assert_eq!(
        sentences("He lives at No. 10 Quay Road. It is small."),
        ["He lives at No. 10 Quay Road.", "It is small."]
    );
}

#[test]
fn sentences_inside_a_quotation_stay_together() {
    assert_eq!(
        sentences("\"The vote is off. We will try again,\" she said. Nobody objected."),
        [
            "\"The vote is off. We will try again,\" she said.",
            "Nobody objected."
        ]
    );
    assert_eq!(
        sentences("He wrote: “It is over. Go home.” Then he left."),
        ["He wrote: “It is over. Go home.”", "Then he left."]
    );
}

#[test]
fn a_quotation_left_open_for_the_next_paragraph_does_not_swallow_the_rest() {
    assert_eq!(
        sentences("She said: \"We waited for hours. Nobody came. We went home."),
        [
            "She said: \"We waited for hours.",
            "Nobody came.",
            "We went home."
        ]
    );
}

#[test]
fn a_lower_case_word_after_a_full_stop_continues_the_sentence() {
    assert_eq!(
        sentences("The plan, i.e. the budget, passed. It did."),
        ["The plan, i.e. the budget, passed.", "It did."]
    );
}

#[test]
fn title_and_dateline_come_from_the_first_paragraphs() {
    let article = article(
        "Harbour vote delayed\n\nPublished March 3, 2025 · By Ingrid Holm\n\nThe council met. It voted.",
    );
    assert_eq!(article.title(), Some("Harbour vote delayed"));
    let date = article.date().unwrap();
    assert_eq!(
        (date.text.as_str(), date.iso.as_str()),
        ("March 3, 2025", "2025-03-03")
    );
    assert_eq!(article.date_paragraph(), Some(1));

    let no_title = article_without_title();
    assert_eq!(no_title.title(), None);
}

fn article_without_title() -> Article {
    article("The council met on Monday and voted to delay.\n\nIt will meet again.")
}

#[test]
fn every_sentence_lies_inside_its_paragraph() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/long-feature.txt"),
    )
    .unwrap();
    let article = article(&text);
    assert!(article.sentences().len() > 200);
    for (i, paragraph) in article.paragraphs().iter().enumerate() {
        for s in &article.sentences()[paragraph.sentences.clone()] {
            assert_eq!(s.paragraph, i);
            assert!(paragraph.range.start <= s.range.start && s.range.end <= paragraph.range.end);
            assert!(!article.text()[s.range.clone()].trim().is_empty());
        }
    }
}
