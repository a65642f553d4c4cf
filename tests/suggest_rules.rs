//! Suggestion rules, each on sentences written for these tests.

use std::path::Path;

use sidenote::article::Article;
use sidenote::entity;
use sidenote::suggest::{self, Suggestions};

/// The suggestions for a short article whose body is `body`.
fn suggest(body: &str) -> (Article, Suggestions) {
    let text = format!("Test article\n\nPublished May 2, 2026\n\n{body}\n");
    let article = Article::from_text(Path::new("t.txt"), &text);
    let entities = entity::detect(&article);
    let suggestions = suggest::suggest(&article, &entities);
    (article, suggestions)
}

#[test]
fn checkable_sentences_are_claims_with_the_rule_that_found_them() {
    let cases = [
        (
            "Turnout fell to 41 percent in the northern districts.",
            Some("percentage"),
        ),
        (
            "The council spent $2.3 million on the new bridge.",
            Some("money"),
        ),
        (
            "It was the largest harvest since records began.",
            Some("comparison"),
        ),
        (
            "At least 40,000 ballots were never counted.",
            Some("number"),
        ),
        ("The depot has been closed since 2011.", Some("date")),
        (
            "The ministry denied a report that the audit was skipped.",
            Some("finding"),
        ),
        (
            "The inquiry found that the count had been inflated.",
            Some("finding"),
        ),
        ("The closure was caused by a software fault.", Some("cause")),
        ("This is a dangerous signal for the whole region.", None),
        ("Was the count ever checked?", None),
        ("The minister will visit the port next spring.", None),
        // A wire dateline's date is not the claim's.
        (
            "ACCRA, May 4 (Coastline) - The mood in the capital was tense and uncertain.",
            None,
        ),
    ];
    for (sentence, rule) in cases {
        let (_, suggestions) = suggest(sentence);
        let found = suggestions.claims.first().map(|c| c.rule);
        assert_eq!(found, rule, "{sentence}");
    }
}

#[test]
fn a_wire_dateline_is_not_part_of_the_claim_or_the_statement() {
    let (article, suggestions) = suggest(
        "SÃO PAULO, May 4 (Coastline) - Exports of soy fell 12 percent in April, the trade ministry said.",
    );
    let claim = &suggestions.claims[0];
    assert!(article.text()[claim.range.clone()].starts_with("Exports of soy fell"));
    let attribution = &suggestions.attributions[0];
    assert_eq!(
        &article.text()[attribution.range.clone()],
        "Exports of soy fell 12 percent in April"
    );
}

/// (sentence, expected statement, expected speaker name, rule).
type AttributionCase = (&'static str, &'static str, &'static str, &'static str);

#[test]
fn statements_are_attributed_to_who_says_them() {
    let cases: [AttributionCase; 15] = [
        (
            "\"The vote is off,\" Tomas Berg said.",
            "The vote is off",
            "Tomas Berg",
            "quote-then-speaker",
        ),
        (
            "\"We will try again,\" said Dr. Amara Okafor, who leads the institute.",
            "We will try again",
            "Amara Okafor",
            "quote-then-speaker",
        ),
        (
            "Lina Morales said, “The figures are wrong.”",
            "The figures are wrong",
            "Lina Morales",
            "speaker-then-quote",
        ),
        (
            "Mayor Elena Vance said that the harbour would reopen in May.",
            "the harbour would reopen in May",
            "Elena Vance",
            "reported",
        ),
        (
            "According to the Bergen Port Authority, 14 ships were turned away.",
            "14 ships were turned away",
            "Bergen Port Authority",
            "according-to",
        ),
        (
            "Jonas Whitfield told reporters that the cranes had arrived.",
            "the cranes had arrived",
            "Jonas Whitfield",
            "reported",
        ),
        (
            "A Port Authority spokesman warned that delays were likely.",
            "delays were likely",
            "A Port Authority spokesman",
            "reported",
        ),
        (
            "Two senior diplomats said the talks had stalled.",
            "the talks had stalled",
            "Two senior diplomats",
            "reported",
        ),
        (
            "The harbour will close for a week, the Bergen Port Authority said.",
            "The harbour will close for a week",
            "Bergen Port Authority",
            "trailing",
        ),
        (
            "Kari Holm, a nurse at the clinic, said the ward was full.",
            "the ward was full",
            "Kari Holm",
            "reported",
        ),
        (
            "The Fjord Fishers' Union filed a complaint, arguing that the quota was unlawful.",
            "the quota was unlawful",
            "Fjord Fishers' Union",
            "reported",
        ),
        (
            "Some 300 lorries crossed in May, the agency's monthly report shows, up from 240.",
            // An aside: the statement is the sentence around it.
            "Some 300 lorries crossed in May, the agency's monthly report shows, up from 240",
            "the agency's monthly report",
            "aside",
        ),
        (
            "Cocoa prices will rise by 18 percent, the Ghana Cocoa Board said on Tuesday.",
            "Cocoa prices will rise by 18 percent",
            "Ghana Cocoa Board",
            "trailing",
        ),
        (
            "The new price takes effect on Oct 20, chief executive Ama Mensah told reporters.",
            "The new price takes effect on Oct 20",
            "Ama Mensah",
            "trailing",
        ),
        (
            "Near the border, villagers said the wolves had killed 40 sheep since March.",
            "the wolves had killed 40 sheep since March",
            "villagers",
            "reported",
        ),
    ];
    for (sentence, statement, speaker, rule) in cases {
        let (article, suggestions) = suggest(sentence);
        let found = suggestions
            .attributions
            .first()
            .unwrap_or_else(|| panic!("no attribution in {sentence:?}"));
        assert_eq!(
            &article.text()[found.range.clone()],
            statement,
            "{sentence}"
        );
        assert_eq!(found.speaker.name, speaker, "{sentence}");
        assert_eq!(found.rule, rule, "{sentence}");
    }
}

#[test]
fn quotations_that_go_on_keep_their_speaker() {
    let (article, suggestions) = suggest(
        "\"We planned for growth,\" Graham Oduya said. \"We did not plan for this.\"\n\n\
         “It will take a year,” he added. “Maybe two.\n\n“Nobody knows.”",
    );
    let statements: Vec<(&str, &str)> = suggestions
        .attributions
        .iter()
        .map(|a| (&article.text()[a.range.clone()], a.speaker.name.as_str()))
        .collect();
    assert_eq!(
        statements,
        [
            ("We planned for growth", "Graham Oduya"),
            ("We did not plan for this", "Graham Oduya"),
            ("It will take a year", "Graham Oduya"),
            ("Maybe two", "Graham Oduya"),
            ("Nobody knows", "Graham Oduya"),
        ]
    );
    assert_eq!(suggestions.attributions[1].rule, "quote-continues");
}

#[test]
fn he_and_she_go_to_the_person_they_fit() {
    let (_, suggestions) = suggest(
        "Ingrid Solheim chaired the meeting. Her deputy, Tomas Berg, had left early. \
         \"The vote stands,\" she said.",
    );
    let attribution = suggestions.attributions.last().unwrap();
    assert_eq!(
        attribution.speaker.name, "Ingrid Solheim",
        "she is not Tomas"
    );
    assert!(
        attribution.speaker.entity.is_some(),
        "the speaker is linked to the entity"
    );
}
