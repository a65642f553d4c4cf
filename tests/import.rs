//! `import`: annotations exported as brat, W3C or JSON come back into a fresh sidecar as
//! they were; importing again adds nothing; ids that collide are renumbered with their
//! links; what cannot be placed is reported; broken files are refused with a reason.

use std::path::{Path, PathBuf};

use sidenote::Error;
use sidenote::anchor::Placement;
use sidenote::annotation::{Annotation, Kind};
use sidenote::document::Document;
use sidenote::export::{brat, export_json, w3c};
use sidenote::import::{Format, Report, import};
use tempfile::TempDir;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/export");

/// The fixture with its sidecar, and a bare copy of the article (no sidecar) beside it
/// in `fresh/`, in a temporary folder.
fn ferry() -> (TempDir, Document, PathBuf) {
    let dir = tempfile::tempdir().expect("temporary folder");
    for name in ["ferry.txt", "ferry.txt.sidenote.toml"] {
        std::fs::copy(Path::new(FIXTURES).join(name), dir.path().join(name)).unwrap();
    }
    std::fs::create_dir(dir.path().join("fresh")).unwrap();
    let fresh = dir.path().join("fresh/ferry.txt");
    std::fs::copy(Path::new(FIXTURES).join("ferry.txt"), &fresh).unwrap();
    let doc = Document::open(&dir.path().join("ferry.txt"), None).unwrap();
    assert_eq!(doc.annotations.len(), 10, "the fixture's annotations");
    (dir, doc, fresh)
}

/// Write a file in the temporary folder and return its path.
fn write(dir: &TempDir, name: &str, text: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Export `doc` in `format` into the temporary folder; returns the file to import.
fn export(dir: &TempDir, doc: &Document, format: Format) -> PathBuf {
    match format {
        Format::Brat => {
            let out = brat::export(doc);
            write(dir, "out.txt", &out.txt);
            write(dir, "out.ann", &out.ann)
        }
        Format::W3c => write(
            dir,
            "out.jsonld",
            &serde_json::to_string_pretty(&w3c::export(doc)).unwrap(),
        ),
        Format::Json => write(
            dir,
            "out.json",
            &serde_json::to_string_pretty(&export_json(doc)).unwrap(),
        ),
    }
}

fn list(doc: &Document) -> Vec<Annotation> {
    doc.annotations.iter().cloned().collect()
}

/// Everything but the created and modified times, which brat has no place for.
fn without_times(mut a: Annotation) -> Annotation {
    a.created = None;
    a.modified = None;
    a
}

fn round_trip(format: Format) -> (Document, Document, Report) {
    let (dir, original, fresh) = ferry();
    let file = export(&dir, &original, format);
    let mut imported = Document::open(&fresh, None).unwrap();
    assert!(imported.annotations.is_empty());
    let report = import(&mut imported, format, &file).unwrap();
    // What was imported is saved and read back like any sidecar.
    imported.save().unwrap();
    let reopened = Document::open(&fresh, None).unwrap();
    assert_eq!(list(&reopened), list(&imported));
    (original, reopened, report)
}

#[test]
fn json_export_then_import_keeps_every_field() {
    let (original, imported, report) = round_trip(Format::Json);
    assert_eq!(list(&imported), list(&original));
    assert_eq!(report.to_string(), "10 annotations added");
}

#[test]
fn w3c_export_then_import_keeps_every_field() {
    let (original, imported, report) = round_trip(Format::W3c);
    assert_eq!(list(&imported), list(&original));
    assert_eq!(report.to_string(), "10 annotations added");
}

#[test]
fn brat_export_then_import_keeps_all_but_the_times() {
    let (original, imported, report) = round_trip(Format::Brat);
    let strip = |doc: &Document| list(doc).into_iter().map(without_times).collect::<Vec<_>>();
    assert_eq!(strip(&imported), strip(&original));
    assert_eq!(report.to_string(), "10 annotations added");
    // Spot checks of what the comparison covers, so that it cannot pass on empty lists.
    let c1 = imported.annotations.get("c1").unwrap();
    assert_eq!(c1.sources, ["s1", "s2"]);
    assert_eq!(c1.verdict.as_deref(), Some("misleading"));
    assert!(c1.note.as_deref().unwrap().contains("22%, not 38%.\nAsk"));
    let s5 = imported.annotations.get("s5").unwrap();
    assert_eq!(s5.placement, Placement::Detached);
    assert_eq!(
        s5.description.as_deref(),
        Some("a phone call with the port captain, March 4")
    );
    let s1 = imported.annotations.get("s1").unwrap();
    assert_eq!(s1.entity.as_deref(), Some("navegação-atlântica-filhos"));
}

#[test]
fn importing_the_same_file_twice_adds_nothing_the_second_time() {
    for format in [Format::Brat, Format::W3c, Format::Json] {
        let (dir, original, fresh) = ferry();
        let file = export(&dir, &original, format);
        let mut doc = Document::open(&fresh, None).unwrap();
        import(&mut doc, format, &file).unwrap();
        let once = list(&doc);
        let again = import(&mut doc, format, &file).unwrap();
        assert_eq!(list(&doc), once, "{format:?}");
        assert_eq!((again.added, again.duplicates), (0, 10), "{format:?}");
        assert_eq!(again.to_string(), "0 annotations added, 10 already present");
    }
}

#[test]
fn colliding_ids_are_renumbered_and_links_follow() {
    let (dir, original, fresh) = ferry();
    let file = export(&dir, &original, Format::Brat);
    let mut doc = Document::open(&fresh, None).unwrap();
    // The fresh sidecar already has a claim c1 and a source s1 on other text.
    let text = doc.article.text();
    let at = text
        .find("Government figures published in February")
        .unwrap();
    let mine = doc.annotations.add(
        &doc.article,
        Kind::Claim,
        at..at + "Government figures".len(),
    );
    let at = text.find("Monday").unwrap();
    let source = doc
        .annotations
        .add(&doc.article, Kind::Source, at..at + "Monday".len());
    assert_eq!((mine.as_str(), source.as_str()), ("c1", "s1"));

    let report = import(&mut doc, Format::Brat, &file).unwrap();
    assert_eq!(report.added, 10);
    assert_eq!(doc.annotations.len(), 12);
    // The imported c1 and s1 became c6 and s6 (after the highest ids of the file), and
    // the imported claim links to the imported source, not to this sidecar's s1.
    let blaming = doc
        .annotations
        .iter()
        .find(|a| a.anchor.quote.starts_with("blaming a 38%"))
        .unwrap();
    assert_eq!(blaming.id, "c6");
    assert_eq!(blaming.sources, ["s6", "s2"]);
    assert_eq!(
        doc.annotations.get("s6").unwrap().anchor.quote,
        "Navegação Atlântica & Filhos"
    );
    assert_eq!(
        doc.annotations.get("c1").unwrap().anchor.quote,
        "Government figures"
    );
    assert!(doc.annotations.get("c1").unwrap().sources.is_empty());
}

#[test]
fn a_link_to_an_annotation_already_present_points_to_it() {
    let (dir, original, fresh) = ferry();
    let mut doc = Document::open(&fresh, None).unwrap();
    let text = doc.article.text();
    let at = text.find("Inês Carvalho-Müller").unwrap();
    let there = doc.annotations.add(
        &doc.article,
        Kind::Source,
        at..at + "Inês Carvalho-Müller".len(),
    );
    let file = export(&dir, &original, Format::Json);
    let report = import(&mut doc, Format::Json, &file).unwrap();
    assert_eq!((report.added, report.duplicates), (9, 1));
    // s1 was taken by the source already there, which stands for the file's s2.
    assert_eq!(there, "s1");
    let c2 = doc
        .annotations
        .iter()
        .find(|a| a.anchor.quote.starts_with("Fuel is now"))
        .unwrap();
    assert_eq!(c2.sources, ["s1"]);
}

#[test]
fn brat_from_elsewhere_discontinuous_spans_and_unknown_lines() {
    let (dir, _original, fresh) = ferry();
    let mut doc = Document::open(&fresh, None).unwrap();
    // No .txt beside it: offsets count into the article. "São Tomé ferry" is 0..14.
    let ann = "T1\tClaim 0 3;4 8\tSão Tomé\n\
               T2\tClaim 9 14\tferry\n\
               T3\tEvent 15 23\toperator\n\
               E1\tEvent:T3\n\
               T4\tClaim 5000 5010\tnot in the article\n\
               #1\tAnnotatorNotes T2\tfrom brat\n\
               A1\tVerdict T2 mostly_false\n";
    let file = write(&dir, "elsewhere.ann", ann);
    let report = import(&mut doc, Format::Brat, &file).unwrap();
    assert_eq!(
        (report.added, report.unplaced, report.ignored),
        (2, 1, 2),
        "{report:?}"
    );
    let quotes: Vec<&str> = doc
        .annotations
        .iter()
        .map(|a| a.anchor.quote.as_str())
        .collect();
    assert_eq!(quotes, ["São Tomé", "ferry", "not in the article"]);
    let ferry = doc
        .annotations
        .iter()
        .find(|a| a.anchor.quote == "ferry")
        .unwrap();
    assert_eq!(ferry.verdict.as_deref(), Some("mostly false"));
    assert_eq!(ferry.note.as_deref(), Some("from brat"));
    assert_eq!(doc.annotations.orphans().count(), 1);
    assert!(
        report
            .details
            .iter()
            .any(|d| d.contains("“not in the article” is not in the article")),
        "{:?}",
        report.details
    );
    assert_eq!(
        report.to_string(),
        "2 annotations added, 1 kept as an orphan (text not in the article), 2 entries not imported"
    );
}

#[test]
fn brat_offsets_into_another_text_are_placed_by_their_quote() {
    let (dir, _original, fresh) = ferry();
    let mut doc = Document::open(&fresh, None).unwrap();
    // The .txt beside the .ann is an older version with a line more at the top.
    let article = std::fs::read_to_string(&fresh).unwrap();
    write(&dir, "older.txt", &format!("DRAFT\n{article}"));
    let file = write(
        &dir,
        "older.ann",
        "T1\tSource 349 369\tInês Carvalho-Müller\n",
    );
    let report = import(&mut doc, Format::Brat, &file).unwrap();
    assert_eq!(report.added, 1, "{report:?}");
    let s1 = doc.annotations.get("s1").unwrap();
    let range = s1.range().unwrap();
    assert_eq!(&doc.article.text()[range.clone()], "Inês Carvalho-Müller");
    assert_eq!(doc.article.char_of(range.start), 343);
}

#[test]
fn w3c_from_another_annotator_is_placed_by_its_quote() {
    let (dir, _original, fresh) = ferry();
    let mut doc = Document::open(&fresh, None).unwrap();
    let page = r#"{
      "@context": "http://www.w3.org/ns/anno.jsonld",
      "type": "AnnotationPage",
      "items": [
        {"id": "https://example.org/anno/1", "type": "Annotation",
         "motivation": "commenting",
         "body": {"type": "TextualBody", "value": "Is this the Friday or the Sunday sailing?"},
         "target": {"source": "https://news.example/ferry",
                    "selector": {"type": "TextQuoteSelector", "exact": "Friday sailing"}}},
        {"id": "https://example.org/anno/2", "type": "Annotation",
         "bodyValue": "no longer there",
         "target": {"source": "https://news.example/ferry",
                    "selector": {"type": "TextQuoteSelector", "exact": "Saturday sailing"}}},
        {"id": "https://example.org/anno/3", "type": "Annotation",
         "bodyValue": "about the whole page",
         "target": "https://news.example/ferry"}
      ]
    }"#;
    let file = write(&dir, "other.jsonld", page);
    let report = import(&mut doc, Format::W3c, &file).unwrap();
    assert_eq!(
        (report.added, report.unplaced, report.ignored),
        (1, 1, 1),
        "{report:?}"
    );
    let c1 = doc.annotations.get("c1").unwrap();
    assert_eq!(c1.kind, Kind::Claim);
    assert_eq!(&doc.article.text()[c1.range().unwrap()], "Friday sailing");
    assert_eq!(
        c1.note.as_deref(),
        Some("Is this the Friday or the Sunday sailing?")
    );
    assert_eq!(
        doc.annotations.get("c2").unwrap().placement,
        Placement::Orphaned
    );
    assert!(
        report
            .details
            .iter()
            .any(|d| d.contains("anno/3") && d.contains("selects no text")),
        "{:?}",
        report.details
    );
}

#[test]
fn broken_or_foreign_files_are_refused_with_a_reason() {
    let (dir, original, fresh) = ferry();
    let mut doc = Document::open(&fresh, None).unwrap();

    let ann = write(
        &dir,
        "bad.ann",
        "T1\tClaim 0 5\tSão T\nT2\tClaim five 9\tx\n",
    );
    let err = import(&mut doc, Format::Brat, &ann).unwrap_err();
    assert!(matches!(err, Error::BadImport { line: 2, .. }), "{err:?}");
    assert!(err.to_string().contains("bad.ann"), "{err}");
    assert!(doc.annotations.is_empty(), "nothing was imported");

    let w3c_file = export(&dir, &original, Format::W3c);
    let err = import(&mut doc, Format::Json, &w3c_file).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "cannot import {}: it is not a sidenote JSON export: it has no \"format\", where \
             \"sidenote-export/1\" was expected; nothing was imported",
            w3c_file.display()
        )
    );

    let truncated = write(
        &dir,
        "cut.json",
        "{\"format\": \"sidenote-export/1\", \"annotations\": [",
    );
    let err = import(&mut doc, Format::Json, &truncated).unwrap_err();
    assert!(matches!(err, Error::BadImport { line: 1, .. }), "{err:?}");

    let missing = dir.path().join("missing.ann");
    let err = import(&mut doc, Format::Brat, &missing).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "cannot read import file {}: no such file or folder",
            missing.display()
        )
    );
    assert!(doc.annotations.is_empty());
}

#[test]
fn an_orphan_goes_out_and_comes_back_as_an_orphan() {
    for format in [Format::Brat, Format::W3c, Format::Json] {
        let (dir, _original, _fresh) = ferry();
        // The article changed: c4's text is gone, so the sidecar's c4 is an orphan.
        let path = dir.path().join("ferry.txt");
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace("+30 seats", "Thirty seats")).unwrap();
        let changed = Document::open(&path, None).unwrap();
        let orphan = changed.annotations.get("c4").unwrap();
        assert_eq!(orphan.placement, Placement::Orphaned);
        let file = export(&dir, &changed, format);

        std::fs::create_dir(dir.path().join("again")).unwrap();
        let again = dir.path().join("again/ferry.txt");
        std::fs::copy(&path, &again).unwrap();
        let mut doc = Document::open(&again, None).unwrap();
        let report = import(&mut doc, format, &file).unwrap();
        assert_eq!((report.added, report.unplaced), (9, 1), "{format:?}");
        let back = doc.annotations.get("c4").unwrap();
        assert_eq!(back.placement, Placement::Orphaned, "{format:?}");
        assert_eq!(back.anchor.quote, orphan.anchor.quote, "{format:?}");
        assert_eq!(back.sources, ["s4", "s5"], "{format:?}");
        assert_eq!(back.note, orphan.note, "{format:?}");
    }
}

#[test]
fn a_claim_across_a_paragraph_break_goes_through_brat_in_fragments() {
    let (dir, mut original, fresh) = ferry();
    let text = original.article.text();
    let from = text.find("Fuel is now").unwrap();
    let to = text.find(", a passenger group").unwrap();
    let id = original
        .annotations
        .add(&original.article, Kind::Claim, from..to);
    let file = export(&dir, &original, Format::Brat);
    let ann = std::fs::read_to_string(&file).unwrap();
    // One fragment per line of text, joined by a space, as brat writes them.
    assert!(
        ann.contains("\tClaim 366 418;420 431\tFuel is now 61 percent of what a crossing costs us.” @PortoWatch\n"),
        "{ann}"
    );

    let mut doc = Document::open(&fresh, None).unwrap();
    import(&mut doc, Format::Brat, &file).unwrap();
    let back = doc.annotations.get(&id).unwrap();
    assert_eq!(back.range(), Some(from..to));
}

#[test]
fn json_carries_the_editors_entity_corrections_and_rejections_across() {
    use sidenote::entity::{Correction, EntityKind};
    use sidenote::suggest::{Rejection, SuggestionKind};
    let (dir, mut original, fresh) = ferry();
    original.corrections.push(Correction::added(
        "Port Captain's Office",
        EntityKind::Organization,
        vec![],
    ));
    let at = original
        .article
        .text()
        .find("Government figures published")
        .unwrap();
    let suggested = sidenote::suggest::suggest(&original.article, &original.entities);
    let claim = suggested.claims.iter().find(|c| c.range.start == at);
    let range = claim.expect("the rules suggest this claim").range.clone();
    let rejection = Rejection::new(&original.article, SuggestionKind::Claim, range);
    original.rejected.push(rejection);
    original.save().unwrap();
    let original = Document::open(&dir.path().join("ferry.txt"), None).unwrap();

    let file = export(&dir, &original, Format::Json);
    let mut imported = Document::open(&fresh, None).unwrap();
    let report = import(&mut imported, Format::Json, &file).unwrap();
    assert_eq!(
        report.to_string(),
        "10 annotations added, 1 entity correction, 1 rejected suggestion"
    );
    imported.save().unwrap();
    let reopened = Document::open(&fresh, None).unwrap();
    assert_eq!(reopened.corrections, original.corrections);
    assert_eq!(reopened.rejected, original.rejected);
    // The rejected claim is not suggested again in the copy.
    let suggested = sidenote::suggest::suggest(&reopened.article, &reopened.entities)
        .without(&reopened.rejected);
    assert!(suggested.claims.iter().all(|c| c.range.start != at));
    // A second import adds nothing.
    let mut again = reopened;
    let report = import(&mut again, Format::Json, &file).unwrap();
    assert_eq!(report.added + report.corrections + report.rejections, 0);
}
