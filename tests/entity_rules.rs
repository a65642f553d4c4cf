//! Entity detection rule by rule, continued: institutions named by what they do (sports
//! bodies, agencies, ministries, legislatures, treaties) and names from other languages
//! (nicknames, Gaelic surnames, generic place words), on sentences written for these tests.

mod common;

use common::entities::{Case, mentions, owned};

#[test]
fn institutions_and_names_from_other_languages() {
    let cases: &[Case] = &[
        (
            "a sport with the world or a nation names its governing body",
            "The appeal was lodged with World Rowing, and Swimming Norway backed it.",
            &[
                ("World Rowing", "organization"),
                ("Swimming Norway", "organization"),
            ],
        ),
        (
            "fields of government before a country name a national agency",
            "Inspectors from Transport Canada and Fisheries and Oceans Canada boarded the ferry.",
            &[
                ("Transport Canada", "organization"),
                ("Fisheries and Oceans Canada", "organization"),
            ],
        ),
        (
            "a known organisation opening a longer name names a branch of it",
            "The figures were compiled by UNICEF Kenya and checked by the agency.",
            &[("UNICEF Kenya", "organization")],
        ),
        (
            "a role word before an organisation word belongs to the organisation",
            "The records are kept by the General Directorate for Land Registration.",
            &[("General Directorate for Land Registration", "organization")],
        ),
        (
            "a parliament's name does not run on into a member's seat",
            "Ana Ruiz, the member of Parliament for Tarnby, voted against the bill.",
            &[
                ("Ana Ruiz", "person"),
                ("Parliament", "organization"),
                ("Tarnby", "place"),
            ],
        ),
        (
            "a ministry named by its portfolios holds together across commas",
            "Funding came from the Ministry of Environment, Water and Agriculture in May.",
            &[(
                "Ministry of Environment, Water and Agriculture",
                "organization",
            )],
        ),
        (
            "but a ministry listed with firms does not",
            "The deal was signed by the Ministry of Finance, Hallvik Shipping and Brennmoor Group.",
            &[
                ("Ministry of Finance", "organization"),
                ("Hallvik Shipping", "organization"),
                ("Brennmoor Group", "organization"),
            ],
        ),
        (
            "a nickname in quotation marks is part of the name",
            "The skipper, Eduardo \"Dodong\" Villareal, said the engine failed. Villareal was \
             rescued.",
            &[
                ("Eduardo \"Dodong\" Villareal", "person"),
                ("Villareal", "person"),
            ],
        ),
        (
            "a Gaelic surname keeps its patronymic, article and mutated initial",
            "The title went to Eilidh Nic an t-Sagairt on Sunday. Nic an t-Sagairt said she \
             was tired.",
            &[
                ("Eilidh Nic an t-Sagairt", "person"),
                ("Nic an t-Sagairt", "person"),
            ],
        ),
        (
            "generic place words of other languages open a place's name",
            "The boats sheltered behind Isla Verde and near Tanjung Bayan, south of Sta. Rosa.",
            &[
                ("Isla Verde", "place"),
                ("Tanjung Bayan", "place"),
                ("Sta. Rosa", "place"),
            ],
        ),
        (
            "a treaty, a cup or a conference is named before its \"of\" or \"on\"",
            "Both sides invoked the Treaty of Arnholm at the Conference on Coastal Rights.",
            &[
                ("Treaty of Arnholm", "other"),
                ("Conference on Coastal Rights", "other"),
            ],
        ),
        (
            "a legislature known by its own name, and a journal",
            "The Storting debated the study, published in the journal Coastal Ecology.",
            &[("Storting", "organization"), ("Coastal Ecology", "other")],
        ),
    ];
    for (rule, text, expected) in cases {
        assert_eq!(mentions(text), owned(expected), "rule: {rule}");
    }
}
