//! The sidecar: what is saved comes back, offsets count characters, and nothing a user
//! wrote is ever overwritten by a failed or blind save.

mod common;

use std::io::Write;

use sidenote::Error;
use sidenote::annotation::Kind;
use sidenote::document::Document;
use sidenote::sidecar::{Sidecar, write_atomically_with};

const ARTICLE: &str = "Zoë and 陈伟 agree\n\nPublished May 2, 2026\n\nThe café 👋🏽 served 1,200 meals, Zoë Hartley said. Chen Wei (陈伟) disagreed.\n";

#[test]
fn annotations_come_back_as_they_were_saved() {
    let (_dir, path) = common::article("a.txt", ARTICLE);
    let mut doc = Document::open(&path, None).unwrap();
    let sentence = doc.article.sentences()[2].range.clone();
    let claim = doc.annotations.add(&doc.article, Kind::Claim, sentence);
    let zoe = doc.article.text().find("Zoë Hartley").unwrap();
    let source = doc
        .annotations
        .add(&doc.article, Kind::Source, zoe..zoe + "Zoë Hartley".len());
    doc.annotations
        .set_entity(&source, Some("zoe-hartley".into()));
    assert!(doc.annotations.link(&claim, &source));
    doc.save().unwrap();

    let reopened = Document::open(&path, None).unwrap();
    assert_eq!(reopened.annotations, doc.annotations);
    assert!(!reopened.article_changed);
}

#[test]
fn offsets_count_characters_not_bytes() {
    let (_dir, path) = common::article("a.txt", ARTICLE);
    let mut doc = Document::open(&path, None).unwrap();
    let text = doc.article.text().to_string();
    let quote = "served 1,200 meals";
    let at = text.find(quote).unwrap();
    doc.annotations
        .add(&doc.article, Kind::Claim, at..at + quote.len());
    doc.save().unwrap();

    let sidecar: toml::Table =
        toml::from_str(&std::fs::read_to_string(common::sidecar_of(&path)).unwrap()).unwrap();
    let stored = &sidecar["annotation"].as_array().unwrap()[0];
    let (start, end) = (
        stored["start"].as_integer().unwrap() as usize,
        stored["end"].as_integer().unwrap() as usize,
    );
    let by_chars: String = text.chars().skip(start).take(end - start).collect();
    assert_eq!(by_chars, quote);
    assert_eq!(stored["quote"].as_str(), Some(quote));
    assert!(
        start < at,
        "the accents, CJK and emoji before it take fewer characters than bytes"
    );
    assert!(stored["prefix"].as_str().unwrap().ends_with("👋🏽 "));
    assert!(stored["suffix"].as_str().unwrap().starts_with(", Zoë"));
}

#[test]
fn a_failed_save_leaves_the_old_sidecar_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt.sidenote.toml");
    std::fs::write(&path, "the old sidecar").unwrap();
    let result = write_atomically_with(&path, |file| {
        file.write_all(b"half of the new")?;
        Err(std::io::Error::other("the disk is full"))
    });
    assert!(result.is_err());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "the old sidecar");
    let files: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(files.len(), 1, "the temporary file is gone");
}

#[test]
fn a_sidecar_another_program_broke_is_not_overwritten() {
    let (_dir, path) = common::article("a.txt", ARTICLE);
    let mut doc = Document::open(&path, None).unwrap();
    let sentence = doc.article.sentences()[2].range.clone();
    doc.annotations
        .add(&doc.article, Kind::Claim, sentence.clone());
    doc.save().unwrap();
    // A half-resolved git conflict, say.
    let theirs = std::fs::read_to_string(common::sidecar_of(&path)).unwrap() + "<<<<<<< HEAD\n";
    std::fs::write(common::sidecar_of(&path), &theirs).unwrap();

    doc.annotations.add(&doc.article, Kind::Source, sentence);
    let err = doc.save().unwrap_err();
    let Error::SidecarChanged { saved_to, .. } = &err else {
        panic!("{err}")
    };
    assert_eq!(
        std::fs::read_to_string(common::sidecar_of(&path)).unwrap(),
        theirs
    );
    let ours = std::fs::read_to_string(saved_to).unwrap();
    assert!(
        ours.contains("kind = \"source\""),
        "our work is kept: {ours}"
    );
    let message = err.to_string();
    assert!(
        message.contains("was changed by another program"),
        "{message}"
    );
    assert!(message.contains("is now broken at line"), "{message}");
}

#[test]
fn broken_sidecars_name_the_file_line_and_column_and_stay_untouched() {
    let cases = [
        ("format = \"sidenote/1\"\n[article\n", "line 2, column 9"),
        ("format = \"sidenote/7\"\n", "line 1, column 10"),
        (
            "format = \"sidenote/1\"\n[article]\nfile = \"a.txt\"\nfingerprint = \"x\"\noffsets = \"chars\"\n\n[[annotation]]\nid = \"c1\"\nkind = \"clam\"\nstart = 0\nend = 1\nquote = \"Z\"\n",
            "line 9, column 8",
        ),
        ("[article]\nfile = \"a.txt\"\n", "no `format` line"),
    ];
    for (text, expected) in cases {
        let (_dir, path) = common::article("a.txt", ARTICLE);
        std::fs::write(common::sidecar_of(&path), text).unwrap();
        let err = Document::open(&path, None)
            .err()
            .expect("a broken sidecar is an error")
            .to_string();
        assert!(err.contains("a.txt.sidenote.toml"), "{err}");
        assert!(err.contains(expected), "{err} should say {expected}");
        assert_eq!(
            std::fs::read_to_string(common::sidecar_of(&path)).unwrap(),
            text
        );
    }
}

#[test]
fn the_sidecar_path_can_be_chosen() {
    let (dir, path) = common::article("a.txt", ARTICLE);
    let elsewhere = dir.path().join("notes.toml");
    let mut doc = Document::open(&path, Some(&elsewhere)).unwrap();
    let sentence = doc.article.sentences()[2].range.clone();
    doc.annotations.add(&doc.article, Kind::Claim, sentence);
    doc.save().unwrap();
    assert!(elsewhere.exists());
    assert!(!common::sidecar_of(&path).exists());
    assert_eq!(Sidecar::default_path(&path), common::sidecar_of(&path));
}

#[test]
fn when_the_article_changed_annotations_follow_their_quote_or_become_orphans() {
    let (_dir, path) = common::article("a.txt", ARTICLE);
    let mut doc = Document::open(&path, None).unwrap();
    let text = doc.article.text().to_string();
    let moved = text.find("Chen Wei (陈伟) disagreed.").unwrap();
    doc.annotations
        .add(&doc.article, Kind::Claim, moved..text.len() - 1);
    let gone = text.find("1,200 meals").unwrap();
    doc.annotations
        .add(&doc.article, Kind::Claim, gone..gone + "1,200 meals".len());
    doc.save().unwrap();

    let edited = text
        .replace("Zoë and 陈伟 agree", "Zoë and 陈伟 agree, mostly")
        .replace("1,200 meals", "some meals");
    std::fs::write(&path, &edited).unwrap();
    let reopened = Document::open(&path, None).unwrap();
    assert!(reopened.article_changed);
    let placed: Vec<_> = reopened
        .annotations
        .iter()
        .filter_map(|a| a.range())
        .collect();
    assert_eq!(placed.len(), 1);
    assert_eq!(&edited[placed[0].clone()], "Chen Wei (陈伟) disagreed.");
    let orphan = reopened.annotations.orphans().next().unwrap();
    assert_eq!(orphan.anchor.quote, "1,200 meals");
}

#[test]
fn times_come_back_as_toml_writes_them_and_a_time_that_is_not_one_is_refused() {
    let head = "format = \"sidenote/1\"\n[article]\nfile = \"a.txt\"\nfingerprint = \"x\"\noffsets = \"chars\"\n\n";
    let table = |times: &str| {
        format!(
            "[[annotation]]\nid = \"c1\"\nkind = \"claim\"\nstart = 0\nend = 3\nquote = \"Zoë\"\n{times}"
        )
    };
    let (_dir, path) = common::article("a.txt", ARTICLE);
    let sidecar = common::sidecar_of(&path);
    let times = "created = 2026-05-02 10:02:11.500z\nmodified = 2026-05-03T08:00:00+02:00\n";
    std::fs::write(&sidecar, format!("{head}{}", table(times))).unwrap();
    let doc = Document::open(&path, None).unwrap();
    let claim = doc.annotations.get("c1").unwrap();
    assert_eq!(claim.created.as_deref(), Some("2026-05-02T10:02:11.5Z"));
    assert_eq!(claim.modified.as_deref(), Some("2026-05-03T08:00:00+02:00"));

    // Annotations written as an inline array of tables have their times too.
    let inline = "annotation = [{ id = \"c1\", kind = \"claim\", start = 0, end = 3, quote = \"Zoë\", created = 2026-05-02T10:02:11Z }]\n";
    let (format, article) = head.split_once("[article]").unwrap();
    std::fs::write(&sidecar, format!("{format}{inline}[article]{article}")).unwrap();
    let doc = Document::open(&path, None).unwrap();
    let claim = doc.annotations.get("c1").unwrap();
    assert_eq!(claim.created.as_deref(), Some("2026-05-02T10:02:11Z"));
    assert_eq!(claim.modified, None);

    for (times, expected) in [
        (
            "created = \"yesterday\"\n",
            "line 13, column 11: invalid type: string \"yesterday\", expected a TOML datetime",
        ),
        (
            "created = 2026-05-02T10:02:11Z\nmodified = 7\n",
            "line 14, column 12: invalid type: integer `7`, expected a TOML datetime",
        ),
    ] {
        std::fs::write(&sidecar, format!("{head}{}", table(times))).unwrap();
        let err = Document::open(&path, None)
            .err()
            .expect("a time that is not one is an error")
            .to_string();
        assert!(err.contains(expected), "{err} should say {expected}");
    }
}
