//! Other writers: when another program (a second sidenote, a `git pull`) changed the
//! sidecar, sidenote merges instead of overwriting, keeps both sides of a conflict and says
//! so. First the library with two documents on one article, then two real processes.

mod common;
#[path = "common/pty.rs"]
mod pty;

use std::path::Path;

use pty::Session;
use sidenote::annotation::Kind;
use sidenote::document::Document;

const ARTICLE: &str = "Harbour vote delayed\n\nThe council delayed the vote by two weeks. The plan costs 40 million crowns, the mayor said. Critics say 12 percent of residents oppose it.\n\nThe port employs 900 people, according to the port authority.\n";

/// Tag sentence `n` as a claim and save.
fn tag(doc: &mut Document, kind: Kind, n: usize) -> String {
    let range = doc.article.sentences()[n].range.clone();
    let id = doc.annotations.add(&doc.article, kind, range);
    doc.save().expect("save");
    id
}

fn quote_of(doc: &Document, id: &str) -> String {
    doc.annotations.get(id).unwrap().anchor.quote.clone()
}

/// The sidecar as it is on disk, read as sidenote reads it.
fn reopen(path: &Path) -> Document {
    Document::open(path, None).expect("reopen")
}

#[test]
fn annotations_added_by_two_programs_are_all_kept_and_same_ids_renumbered() {
    let (_dir, path) = common::article("a.txt", ARTICLE);
    let mut first = Document::open(&path, None).unwrap();
    let mut second = Document::open(&path, None).unwrap();
    let c1 = tag(&mut first, Kind::Claim, 1);
    assert_eq!(c1, "c1");
    let claim = second.article.sentences()[4].range.clone();
    let ours = second.annotations.add(&second.article, Kind::Claim, claim);
    let speaker = second.article.text().find("the port authority").unwrap();
    let source = second.annotations.add(
        &second.article,
        Kind::Source,
        speaker..speaker + "the port authority".len(),
    );
    assert!(second.annotations.link(&ours, &source));
    let merge = second.save().unwrap().expect("the sidecar had changed");

    // The first program's c1 keeps its id; the second's becomes c2, its link follows.
    assert_eq!(merge.renumbered, vec![("c1".to_string(), "c2".to_string())]);
    assert!(merge.conflicts.is_empty());
    assert!(merge.to_string().contains("your c1 is now c2"), "{merge}");
    let on_disk = reopen(&path);
    assert_eq!(on_disk.annotations.count(Kind::Claim), 2);
    assert_eq!(
        quote_of(&on_disk, "c1"),
        "The council delayed the vote by two weeks."
    );
    assert!(quote_of(&on_disk, "c2").starts_with("The port employs 900"));
    assert_eq!(on_disk.annotations.get("c2").unwrap().sources, ["s1"]);
    // The second program took the merged state, so its next save loses nothing either.
    assert_eq!(second.annotations, on_disk.annotations);

    // And the first program, saving again, takes the second's work in.
    first
        .annotations
        .edit("c1", |a| a.note = Some("Check the minutes".into()));
    let merge = first.save().unwrap().expect("the sidecar had changed");
    assert!(merge.renumbered.is_empty() && merge.conflicts.is_empty());
    let on_disk = reopen(&path);
    assert_eq!(on_disk.annotations.len(), 3);
    assert_eq!(
        on_disk.annotations.get("c1").unwrap().note.as_deref(),
        Some("Check the minutes")
    );
}

#[test]
fn changes_to_different_fields_of_one_claim_are_both_taken() {
    let (_dir, path) = common::article("a.txt", ARTICLE);
    let mut first = Document::open(&path, None).unwrap();
    tag(&mut first, Kind::Claim, 2);
    let mut second = Document::open(&path, None).unwrap();
    first
        .annotations
        .edit("c1", |a| a.verdict = Some("mostly true".into()));
    first.save().unwrap();
    second
        .annotations
        .edit("c1", |a| a.note = Some("Ask the desk for the poll".into()));
    let merge = second.save().unwrap().expect("merged");
    assert!(merge.conflicts.is_empty(), "{merge}");

    let c1 = reopen(&path).annotations.get("c1").unwrap().clone();
    assert_eq!(c1.verdict.as_deref(), Some("mostly true"));
    assert_eq!(c1.note.as_deref(), Some("Ask the desk for the poll"));
    assert_eq!(reopen(&path).annotations.len(), 1);
}

#[test]
fn one_verdict_changed_differently_on_both_sides_keeps_both_and_says_so() {
    let (_dir, path) = common::article("a.txt", ARTICLE);
    let mut first = Document::open(&path, None).unwrap();
    tag(&mut first, Kind::Claim, 2);
    let mut second = Document::open(&path, None).unwrap();
    first
        .annotations
        .edit("c1", |a| a.verdict = Some("true".into()));
    first.save().unwrap();
    second
        .annotations
        .edit("c1", |a| a.verdict = Some("false".into()));
    let merge = second.save().unwrap().expect("merged");

    assert_eq!(merge.conflicts, vec![("c1".to_string(), "c2".to_string())]);
    assert!(
        merge.to_string().contains("conflict: kept c1 and your c2"),
        "{merge}"
    );
    let on_disk = reopen(&path);
    let verdict = |id: &str| on_disk.annotations.get(id).unwrap().verdict.clone();
    assert_eq!(verdict("c1").as_deref(), Some("true"));
    assert_eq!(verdict("c2").as_deref(), Some("false"));
    assert_eq!(quote_of(&on_disk, "c1"), quote_of(&on_disk, "c2"));
}

#[test]
fn a_deletion_on_one_side_is_taken_unless_the_other_side_changed_it() {
    let (_dir, path) = common::article("a.txt", ARTICLE);
    let mut first = Document::open(&path, None).unwrap();
    tag(&mut first, Kind::Claim, 1);
    tag(&mut first, Kind::Claim, 2);
    let mut second = Document::open(&path, None).unwrap();
    // The first deletes both; the second leaves c1 alone but gives c2 a verdict.
    first.annotations.remove("c1");
    first.annotations.remove("c2");
    first.save().unwrap();
    second
        .annotations
        .edit("c2", |a| a.verdict = Some("mixed".into()));
    let merge = second.save().unwrap().expect("merged");

    let on_disk = reopen(&path);
    assert!(on_disk.annotations.get("c1").is_none(), "deleted there");
    assert_eq!(
        on_disk.annotations.get("c2").unwrap().verdict.as_deref(),
        Some("mixed"),
        "changed here, so kept"
    );
    assert_eq!(merge.kept, ["c2"]);
    assert!(merge.to_string().contains("c2 was deleted on one side"));
}

#[test]
fn a_rejected_suggestion_and_an_entity_correction_from_the_other_side_are_taken() {
    let (dir, path) = common::article("a.txt", ARTICLE);
    let mut first = Document::open(&path, None).unwrap();
    let mut second = Document::open(&path, None).unwrap();
    first.corrections.push(sidenote::entity::Correction {
        dismissed: true,
        ..sidenote::entity::Correction::of("harbour")
    });
    let sentence = first.article.sentences()[3].range.clone();
    first.rejected.push(sidenote::suggest::Rejection::new(
        &first.article,
        sidenote::suggest::SuggestionKind::Claim,
        sentence,
    ));
    first.save().unwrap();
    tag(&mut second, Kind::Claim, 1);

    let on_disk = reopen(&path);
    assert_eq!(on_disk.rejected.len(), 1);
    assert_eq!(on_disk.corrections.len(), 1);
    assert_eq!(on_disk.annotations.len(), 1);
    // The version the merge replaced is kept as the backup.
    let backup = std::fs::read_to_string(dir.path().join("a.txt.sidenote.toml.bak")).unwrap();
    assert!(backup.contains("dismissed = true") && !backup.contains("[[annotation]]"));
}

fn claims_in(article: &Path) -> Vec<toml::Value> {
    let text = std::fs::read_to_string(common::sidecar_of(article)).unwrap();
    let table: toml::Table = toml::from_str(&text).unwrap();
    table["annotation"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"].as_str() == Some("claim"))
        .cloned()
        .collect()
}

#[test]
fn two_sidenotes_on_one_article_lose_nothing() {
    let (dir, article) = common::copy_example("harbour-wire.txt");
    let mut first = Session::start(&["harbour-wire.txt"], dir.path());
    let mut second = Session::start(&["harbour-wire.txt"], dir.path());
    first.wait_for("Parliament narrowly backs");
    second.wait_for("Parliament narrowly backs");
    first.send("jjjc");
    first.wait_for("1 claim");
    // Whether the second has read the first's claim yet or not, nothing may be lost.
    second.send("jjjjjc");
    second.wait_for("2 claims");
    // The first takes the second's claim in while waiting for a key.
    first.wait_for("2 claims");
    first.send("q");
    second.send("q");
    assert_eq!(first.wait_exit(), 0);
    assert_eq!(second.wait_exit(), 0);

    let claims = claims_in(&article);
    assert_eq!(claims.len(), 2, "{claims:?}");
    let quotes: Vec<&str> = claims
        .iter()
        .map(|c| c["quote"].as_str().unwrap())
        .collect();
    assert!(
        quotes[0].starts_with("The plan passed by 86 votes"),
        "{quotes:?}"
    );
    assert_ne!(quotes[0], quotes[1]);
}

#[test]
fn one_verdict_set_differently_in_two_sidenotes_keeps_both_and_tells_the_user() {
    let (dir, article) = common::copy_example("harbour-wire.txt");
    let mut first = Session::start(&["harbour-wire.txt"], dir.path());
    first.wait_for("Parliament narrowly backs");
    first.send("jjjc");
    first.wait_for("1 claim");
    let mut second = Session::start(&["harbour-wire.txt"], dir.path());
    second.wait_for("1 claim");
    // The second opens its verdict picker before the first saves its verdict, so it has
    // not seen the first's verdict when it chooses its own.
    second.send("jjjV");
    second.wait_for("mostly false");

    first.send("V");
    first.wait_for("mostly false");
    first.send("mixed\r");
    first.wait_for("c1: mixed");
    second.send("unverifiable\r");
    second.wait_for("conflict: kept c1 and your c2");
    second.wait_for("2 claims");
    first.send("q");
    second.send("q");
    assert_eq!(first.wait_exit(), 0);
    assert_eq!(second.wait_exit(), 0);

    let claims = claims_in(&article);
    let verdict = |id: &str| {
        claims
            .iter()
            .find(|c| c["id"].as_str() == Some(id))
            .and_then(|c| c["verdict"].as_str())
            .map(str::to_string)
    };
    assert_eq!(verdict("c1").as_deref(), Some("mixed"));
    assert_eq!(verdict("c2").as_deref(), Some("unverifiable"));
}

#[test]
fn undo_after_a_merge_keeps_the_other_programs_work() {
    let (_dir, article) = common::copy_example("harbour-wire.txt");
    let mut app = common::app::open(&article, 120, 40, "default");
    common::app::press(&mut app, "j j j c");
    let mut other = Document::open(&article, None).unwrap();
    tag(&mut other, Kind::Source, 7);

    common::app::press(&mut app, "j j c");
    assert_eq!(
        app.message.as_deref(),
        Some("Merged 1 change from another program")
    );
    assert_eq!(app.doc.annotations.len(), 3, "its own two and the other's");
    common::app::press(&mut app, "u u");
    let on_disk = reopen(&article);
    assert_eq!(
        on_disk.annotations.count(Kind::Claim),
        0,
        "both tags undone"
    );
    assert_eq!(
        on_disk.annotations.count(Kind::Source),
        1,
        "the other program's source stays"
    );
}
