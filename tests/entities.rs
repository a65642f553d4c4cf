//! Entity detection rule by rule, on sentences written for these tests, and the newsroom's
//! own list of names.

mod common;

use common::entities::{Case, mentions, owned};

use std::path::Path;

use sidenote::article::Article;
use sidenote::document::Document;
use sidenote::entity::{self, Correction, EntityKind};

#[test]
fn each_rule_on_its_own_sentence() {
    let cases: &[Case] = &[
        (
            "a role word before a name is not part of it",
            "The plan was defended by Deputy Finance Minister Tomas Berg on Monday.",
            &[("Tomas Berg", "person")],
        ),
        (
            "a lower-case role before a name",
            "The decision was announced by spokeswoman Lina Morales after the meeting.",
            &[("Lina Morales", "person")],
        ),
        (
            "honorifics and initials",
            "The report was written by Dr. J. R. Okafor and reviewed by Ms. Haldis Brekke.",
            &[("J. R. Okafor", "person"), ("Haldis Brekke", "person")],
        ),
        (
            "an apposition naming a role",
            "The delay worried Kwame Asante, a senior engineer at the yard, more than anyone.",
            &[("Kwame Asante", "person")],
        ),
        (
            "letters after a name are not part of it",
            "The court heard from Helena Marchetti KC for the prosecution.",
            &[("Helena Marchetti", "person")],
        ),
        (
            "organisation words",
            "Funding came from the Nordvik Savings Bank and the Coastal Fisheries Agency.",
            &[
                ("Nordvik Savings Bank", "organization"),
                ("Coastal Fisheries Agency", "organization"),
            ],
        ),
        (
            "an organisation named with of",
            "The Ministry of Transport and the University of Tromsø signed the deal.",
            &[
                ("Ministry of Transport", "organization"),
                ("University of Tromsø", "organization"),
            ],
        ),
        (
            "a company's legal suffix ends its name",
            "Shares of Halvard Shipping ASA rose after Torvik Holdings Ltd of Oslo made an offer.",
            &[
                ("Halvard Shipping ASA", "organization"),
                ("Torvik Holdings Ltd", "organization"),
                ("Oslo", "place"),
            ],
        ),
        (
            "countries, cities and regions from the gazetteers",
            "Talks between Kenya and Norway will be held in Nairobi and Bavaria next year.",
            &[
                ("Kenya", "place"),
                ("Norway", "place"),
                ("Nairobi", "place"),
                ("Bavaria", "place"),
            ],
        ),
        (
            "an unknown town after in",
            "The ferry was stranded in Brekkvik for two days.",
            &[("Brekkvik", "place")],
        ),
        (
            "X-based is a mention of X",
            "An Oslo-based carrier and a U.S.-led consortium bid for it.",
            &[("Oslo", "place"), ("U.S.", "place")],
        ),
        (
            "a place after a comma names where the first one is",
            "The tanker was towed to Hambantota, Sri Lanka, on Friday.",
            &[("Hambantota", "place"), ("Sri Lanka", "place")],
        ),
        (
            "international organisations and news agencies",
            "The World Health Organization told Reuters the figures were provisional.",
            &[
                ("World Health Organization", "organization"),
                ("Reuters", "organization"),
            ],
        ),
        (
            "nationalities are not entities",
            "Norwegian and Kenyan officials met British diplomats in the morning.",
            &[],
        ),
        (
            "sentence-initial words, days and months are not names",
            "Several observers left early. Later that day the vote was held. Tuesday's session ended in March.",
            &[],
        ),
        (
            "laws, events and storms are other",
            "The Coastal Resource Allocation Act was passed before Cyclone Teyana reached land.",
            &[
                ("Coastal Resource Allocation Act", "other"),
                ("Cyclone Teyana", "other"),
            ],
        ),
        (
            "a vessel named after a cue word",
            "The tanker Halcyon Trader drifted for a week.",
            &[("Halcyon Trader", "other")],
        ),
        (
            "the Arabic article and bin belong to the name",
            "The order was signed by Saif bin Nasser al-Maamari and opposed by Huda al-Rawahi.",
            &[
                ("Saif bin Nasser al-Maamari", "person"),
                ("Huda al-Rawahi", "person"),
            ],
        ),
        (
            "a given name with a lower-case second part",
            "The ferry was steered by Lin Chia-hao, who had joined in May.",
            &[("Lin Chia-hao", "person")],
        ),
        (
            "given names from many countries make people",
            "The prize went to Kwabena Owusu-Ansah and Oleksandr Hnatiuk on Friday.",
            &[
                ("Kwabena Owusu-Ansah", "person"),
                ("Oleksandr Hnatiuk", "person"),
            ],
        ),
        (
            "words that open a place's name in other languages",
            "Residents of Rua da Graça marched to Jardín Benito Juárez and on to Sungai Lenggor.",
            &[
                ("Rua da Graça", "place"),
                ("Jardín Benito Juárez", "place"),
                ("Sungai Lenggor", "place"),
            ],
        ),
        (
            "two or more unknown words that do not start with a given name are an organisation",
            "The round was led by Banyan Arc Capital, and Tejo Prime Residências joined it.",
            &[
                ("Banyan Arc Capital", "organization"),
                ("Tejo Prime Residências", "organization"),
            ],
        ),
        (
            "peoples, languages and faiths are not entities",
            "Sámi herders, Orang Asli families and Shia clerics sang in Isthmus Zapotec.",
            &[],
        ),
        (
            "a name that speaks is a person, and so is the full name it ends",
            "Ednaldo Ribeiro runs a shop in town. \"We need work,\" Ribeiro said.",
            &[("Ednaldo Ribeiro", "person"), ("Ribeiro", "person")],
        ),
        (
            "a common noun before a name says what it names",
            "The airport operator Avinor met the campaign group Friends of the Byfjord in the \
             fishing village Imbali.",
            &[
                ("Avinor", "organization"),
                ("Friends of the Byfjord", "organization"),
                ("Imbali", "place"),
            ],
        ),
        (
            "a capital inside a word: a product, or a company when it speaks",
            "AeroVistula said on Monday that the DengueWatch app had failed.",
            &[("AeroVistula", "organization"), ("DengueWatch", "other")],
        ),
        (
            "clubs, cups and stadiums in other languages",
            "Atlético Gualeguaychú lost the Copa del Litoral at Estadio Osvaldo Benítez. \
             Atlético had led.",
            &[
                ("Atlético Gualeguaychú", "organization"),
                ("Copa del Litoral", "other"),
                ("Estadio Osvaldo Benítez", "place"),
                ("Atlético", "organization"),
            ],
        ),
        (
            "what a company owns and is owned by",
            "Shares in Brightwave fell, and Cocobod chief executive Ama Mensah resigned.",
            &[
                ("Brightwave", "organization"),
                ("Cocobod", "organization"),
                ("Ama Mensah", "person"),
            ],
        ),
        (
            "an apposition past a compound adjective",
            "Hanul, the Seoul-based battery maker, agreed to the deal.",
            &[("Hanul", "organization"), ("Seoul", "place")],
        ),
        (
            "his or hers make a person of the subject",
            "Critics agree that Golnar Ebadi has rarely bettered her debut.",
            &[("Golnar Ebadi", "person")],
        ),
        (
            "Korean and Chinese given names in two syllables",
            "The plan was opposed by Seo-yeon Park and Yoon Ji-ho.",
            &[("Seo-yeon Park", "person"), ("Yoon Ji-ho", "person")],
        ),
        (
            "a saint's name makes a place",
            "Santa Maria Maior and São Francisco voted against the plan.",
            &[("Santa Maria Maior", "place"), ("São Francisco", "place")],
        ),
        (
            "a possessive inside a place's name",
            "Heavy rain fell across Hawke's Bay on Sunday.",
            &[("Hawke's Bay", "place")],
        ),
        (
            "who speaks after a comma is not an apposition",
            "The ferries will serve Muhu and Vormsi, the company said on Tuesday.",
            &[("Muhu", "place"), ("Vormsi", "place")],
        ),
        (
            "a given name counts once for a name, however often it is written",
            "The packaging firm Mirela Tovanti won the tender. Mirela Tovanti will open a plant, \
             and Mirela Tovanti has hired forty people.",
            &[
                ("Mirela Tovanti", "organization"),
                ("Mirela Tovanti", "organization"),
                ("Mirela Tovanti", "organization"),
            ],
        ),
        (
            "the pronoun after a speaker says a person or an organisation",
            "Talvora said it would appeal. Later Quessant said she had not been told.",
            &[("Talvora", "organization"), ("Quessant", "person")],
        ),
        (
            "a name taken up by who is a person",
            "The prize went to Odrane Velisk, who wrote the book in prison.",
            &[("Odrane Velisk", "person")],
        ),
        (
            "whom a spokesman or an executive serves is an organisation",
            "The claim was denied by a spokesman for Ostrevant and by the chief executive of \
             Belcarro.",
            &[("Ostrevant", "organization"), ("Belcarro", "organization")],
        ),
        (
            "a name set off by commas after a role is who holds it, not a list",
            "A spokesman for Dravik Freight Lines, Temba Oyelaran, said the depot would close.",
            &[
                ("Dravik Freight Lines", "organization"),
                ("Temba Oyelaran", "person"),
            ],
        ),
        (
            "a wire credit line names people",
            "(Reporting by Tavita Ngaluafe; Editing by Rohan Velde)",
            &[("Tavita Ngaluafe", "person"), ("Rohan Velde", "person")],
        ),
        (
            "after a courtesy title a place word is a surname",
            "The appeal was lodged on Monday. Ms Marsh said it would succeed.",
            &[("Marsh", "person")],
        ),
        (
            "more kinds of firm before a name: brokerages, papers, shipyards, carmakers",
            "An analyst at the brokerage Quendral and the carmaker Ostavia both spoke to the \
             weekly Morvanbode.",
            &[
                ("Quendral", "organization"),
                ("Ostavia", "organization"),
                ("Morvanbode", "organization"),
            ],
        ),
        (
            "a surname written after a particle keeps it when it stands alone",
            "The winger Teodor ap Rhydderch scored twice. Later ap Rhydderch said it was luck.",
            &[
                ("Teodor ap Rhydderch", "person"),
                ("ap Rhydderch", "person"),
            ],
        ),
        (
            "a nationality or a place before the head of an apposition describes it",
            "The stake was sold to Marvolt, a Finnish pension fund, and to Quenbury, a Lisbon \
             cloud provider.",
            &[
                ("Marvolt", "organization"),
                ("Quenbury", "organization"),
                ("Lisbon", "place"),
            ],
        ),
        (
            "a stock ticker after a name makes it a listed company, and the ticker too",
            "Shares in Tarnwell (TSX: TRW) fell after the results.",
            &[
                ("Tarnwell", "organization"),
                ("TSX", "organization"),
                ("TRW", "organization"),
            ],
        ),
        (
            "a law's year and a vessel's number belong to the name",
            "He was held under the Coastal Fisheries Act 2011 aboard the trawler Morgenrød III.",
            &[
                ("Coastal Fisheries Act 2011", "other"),
                ("Morgenrød III", "other"),
            ],
        ),
        (
            "a work or a product named after its kind",
            "The director staged the play Salt Lanterns before the drug Ventrexa was approved.",
            &[("Salt Lanterns", "other"), ("Ventrexa", "other")],
        ),
        (
            "after a company's last word, \"of\" says where it is from",
            "The order went to Taebaek Heavy Industries of Busan, not to Ostrander Minerals.",
            &[
                ("Taebaek Heavy Industries", "organization"),
                ("Busan", "place"),
                ("Ostrander Minerals", "organization"),
            ],
        ),
        (
            "days in the plural are not names",
            "The ferry from Arnholm no longer sails on Saturdays or Sundays.",
            &[("Arnholm", "place")],
        ),
        (
            "a sports position before a name is not part of it",
            "Scrum-half Kauri Matenga and the Harbourside Mariners were beaten. The Mariners \
             blamed the rain.",
            &[
                ("Kauri Matenga", "person"),
                ("Harbourside Mariners", "organization"),
                ("Mariners", "organization"),
            ],
        ),
    ];
    for (rule, text, expected) in cases {
        assert_eq!(mentions(text), owned(expected), "rule: {rule}");
    }
}

#[test]
fn one_entity_per_real_thing() {
    let text = "Elena Vance said the vote would go ahead. Vance's critics disagreed, and Vance \
                said nothing more. The World Food Programme (WFP) said WFP trucks were ready.";
    let article = Article::from_text(Path::new("t.txt"), text);
    let entities = entity::detect(&article);
    let vance = entities
        .iter()
        .find(|e| e.name == "Elena Vance")
        .expect("Elena Vance");
    assert_eq!(vance.kind, EntityKind::Person);
    let written: Vec<&str> = vance.mentions.iter().map(|m| &text[m.clone()]).collect();
    assert_eq!(written, ["Elena Vance", "Vance", "Vance"]);
    assert_eq!(vance.aliases, ["Vance"]);
    let wfp = entities
        .iter()
        .find(|e| e.name == "World Food Programme")
        .expect("WFP");
    assert_eq!(wfp.kind, EntityKind::Organization);
    assert!(wfp.aliases.contains(&"WFP".to_string()));
    assert_eq!(wfp.mentions.len(), 3);
    assert_eq!(
        entities.len(),
        2,
        "{:?}",
        entities.iter().map(|e| &e.name).collect::<Vec<_>>()
    );
}

#[test]
fn a_list_shares_its_kind() {
    // Vardø and Båtsfjord are in no gazetteer; Hammerfest is, so the list is of towns.
    assert_eq!(
        mentions("Boats from Hammerfest, Vardø and Båtsfjord joined the protest."),
        owned(&[
            ("Hammerfest", "place"),
            ("Vardø", "place"),
            ("Båtsfjord", "place")
        ])
    );
}

#[test]
fn headlines_and_datelines_count_only_names_found_in_the_body() {
    let text = "Harbour Vote Delayed As Berg Faces Critics\n\nOSLO, March 3 (Nordwire) - Deputy \
                Finance Minister Tomas Berg delayed the vote. Berg said it would be held in April.";
    let found = mentions(text);
    assert!(found.contains(&("Berg".to_string(), "person")), "{found:?}");
    assert!(found.contains(&("OSLO".to_string(), "place")), "{found:?}");
    assert!(
        found.contains(&("Nordwire".to_string(), "organization"))
            || found.iter().any(|(t, _)| t == "Nordwire")
    );
    for word in ["Harbour", "Vote", "Delayed", "Critics", "March", "April"] {
        assert!(
            !found.iter().any(|(t, _)| t.contains(word)),
            "{word} is not a name: {found:?}"
        );
    }
}

#[test]
fn a_headline_names_known_places_and_a_dateline_may_end_in_a_dash() {
    let text = "Court Hands Pahang Villagers Land As Mali Singers Tour\n\nPUTRAJAYA — The \
                Federal Court ruled for the villagers. The singers arrived from Bamako.";
    let found = mentions(text);
    assert!(
        found.contains(&("PUTRAJAYA".to_string(), "place")),
        "{found:?}"
    );
    assert!(found.contains(&("Mali".to_string(), "place")), "{found:?}");
    for word in ["Court Hands", "Pahang", "Villagers", "Singers", "Tour"] {
        assert!(
            !found.iter().any(|(t, _)| t.contains(word)),
            "{word} is not found in the body: {found:?}"
        );
    }
}

#[test]
fn the_newsrooms_list_of_names_wins_over_detection() {
    let (dir, path) = common::article(
        "a.txt",
        "Kari Nordmann met the Blue Harbour collective. Later, Nordmann and KN Media spoke.\n",
    );
    std::fs::write(
        dir.path().join("entities.toml"),
        "[[entity]]\nname = \"Blue Harbour\"\ntype = \"organization\"\n\n[[entity]]\nname = \"KN Media\"\ntype = \"organization\"\naliases = [\"Nordmann Media\"]\n",
    )
    .unwrap();
    let doc = Document::open(&path, None).unwrap();
    let blue = doc
        .entities
        .iter()
        .find(|e| e.name == "Blue Harbour")
        .expect("from the list");
    assert_eq!(blue.kind, EntityKind::Organization);
    assert_eq!(blue.mentions.len(), 1);
    let media = doc
        .entities
        .iter()
        .find(|e| e.name == "KN Media")
        .expect("from the list");
    assert_eq!(media.kind, EntityKind::Organization);
    assert!(
        doc.entities.iter().any(|e| e.name == "Kari Nordmann"),
        "detection still runs"
    );

    std::fs::write(
        dir.path().join("entities.toml"),
        "[[entity]]\nname = \"X\"\n",
    )
    .unwrap();
    let err = Document::open(&path, None)
        .err()
        .expect("a broken list is an error")
        .to_string();
    assert!(
        err.contains("entities.toml") && err.contains("line 1"),
        "{err}"
    );
}

#[path = "../benches/archive.rs"]
mod archive;

/// The plain-text example articles, and a generated archive of `size` bytes.
fn examples_and_an_archive(size: usize) -> Vec<Article> {
    let mut articles: Vec<Article> = std::fs::read_dir("examples")
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .map(|path| Article::load(&path).unwrap())
        .collect();
    articles.push(Article::from_text(
        Path::new("archive.txt"),
        &archive::generate(size),
    ));
    articles
}

/// A long article's paragraphs read by several threads give the same names, kinds and
/// mentions as one thread reading them all: what a machine with processors to spare shows.
#[test]
fn sharing_the_paragraphs_out_among_threads_finds_the_same_entities() {
    for article in &examples_and_an_archive(600_000) {
        let alone = entity::detect(article);
        assert!(alone.as_slice().len() > 5, "{}", article.path().display());
        for parts in [2, 3, 7] {
            assert!(
                entity::detect_in_parts(article, parts).as_slice() == alone.as_slice(),
                "{} in {parts} parts",
                article.path().display()
            );
        }
    }
}

/// A correction's entities, as the article shows them: each mention, in text order, with
/// the name and kind of its entity.
fn highlighted(article: &Article, entities: &entity::Entities) -> Vec<(String, String, String)> {
    entities
        .mentions_in(0..article.text().len())
        .map(|(mention, i)| {
            let entity = entities.get(i).unwrap();
            let text = article.text()[mention].to_string();
            (text, entity.name.clone(), entity.kind.to_string())
        })
        .collect()
}

/// Renames, new types, dismissals and merges (one entity merged into another that is then
/// merged in turn) leave every mention where the article shows it, under the entity it
/// went to: the same as the entities made afresh from the corrected list.
#[test]
fn corrections_leave_each_mention_with_the_entity_it_went_to() {
    for article in &examples_and_an_archive(200_000) {
        let detected = entity::detect(article);
        let found = detected.as_slice();
        assert!(found.len() > 5, "{}", article.path().display());
        let correction = |i: usize| Correction::of(&found[i].id);
        let renamed = Correction {
            name: Some("Someone Else".into()),
            ..correction(0)
        };
        let retyped = Correction {
            kind: Some(EntityKind::Other),
            ..correction(1)
        };
        let dismissed = Correction {
            dismissed: true,
            ..correction(2)
        };
        // 4 goes into 3, then 3 into 5.
        let merged = Correction {
            aliases: vec![found[4].name.clone()],
            ..correction(3)
        };
        let merged_again = Correction {
            aliases: vec![found[3].name.clone()],
            ..correction(5)
        };
        let cases = [
            vec![renamed.clone()],
            vec![retyped.clone(), dismissed.clone()],
            vec![merged.clone()],
            vec![merged.clone(), merged_again.clone()],
            vec![renamed, retyped, dismissed, merged, merged_again],
        ];
        for corrections in cases {
            let corrected = entity::apply(article, &detected, &[], &corrections);
            let afresh = entity::Entities::new(corrected.as_slice().to_vec());
            let shown = highlighted(article, &corrected);
            assert!(
                shown == highlighted(article, &afresh),
                "{}: {corrections:?}",
                article.path().display()
            );
            assert_ne!(shown, highlighted(article, &detected));
        }
    }
}
