//! Exports a user hands on: golden files of every report format on an article with curly
//! quotes, accents and emoji; offsets that slice the text exactly; spreadsheets that never
//! run a cell; a folder exported in one go with one broken article.

mod common;
use common::sidenote;

use std::path::Path;

use serde_json::Value;
use sidenote::document::Document;
use sidenote::export::{self, Format, Options};

const FIXTURE: &str = "tests/fixtures/export/ferry.txt";

fn fixture() -> Document {
    Document::open(Path::new(FIXTURE), None).expect("the fixture opens")
}

fn render(format: Format) -> String {
    match export::render(&fixture(), format, &Options::default()).expect("renders") {
        export::Output::One(text) => text,
        export::Output::Brat { ann, .. } => ann,
    }
}

/// The characters `start..end` of a text, counting Unicode scalar values.
fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

fn csv_records(text: &str) -> Vec<csv::StringRecord> {
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("a well-formed CSV record"))
        .collect()
}

#[test]
fn csv_golden() {
    insta::assert_snapshot!(render(Format::Csv));
}

#[test]
fn markdown_golden() {
    insta::assert_snapshot!(render(Format::Markdown));
}

#[test]
fn claimreview_golden() {
    insta::assert_snapshot!(render(Format::ClaimReview));
}

#[test]
fn json_golden() {
    insta::assert_snapshot!(render(Format::Json));
}

#[test]
fn csv_has_one_row_per_claim_whose_offsets_slice_the_text() {
    let doc = fixture();
    let records = csv_records(&render(Format::Csv));
    assert_eq!(
        records.len(),
        doc.annotations.count(sidenote::annotation::Kind::Claim)
    );
    for record in &records {
        let (start, end) = (record[2].parse().unwrap(), record[3].parse().unwrap());
        let text = record[4]
            .strip_prefix('\'')
            .filter(|t| t.starts_with(['+', '@']));
        assert_eq!(
            slice(doc.article.text(), start, end),
            text.unwrap_or(&record[4]),
            "claim {}",
            &record[0]
        );
    }
    // The multi-line note survives RFC 4180 quoting as one cell.
    let c1 = records.iter().find(|r| &r[0] == "c1").unwrap();
    assert_eq!(
        &c1[8],
        "Government figures say 22%, not 38%.\nAsk the company for its fuel invoices."
    );
    assert_eq!(
        &c1[5],
        "s1: Navegação Atlântica & Filhos; s2: Inês Carvalho-Müller"
    );
    assert_eq!(&c1[7], "misleading");
}

#[test]
fn no_csv_cell_can_run_as_a_formula() {
    let records = csv_records(&render(Format::Csv));
    let mut neutralised = 0;
    for cell in records.iter().flat_map(|r| r.iter()) {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "a spreadsheet would run {cell:?}"
        );
        if cell.starts_with("'=")
            || cell.starts_with("'+")
            || cell.starts_with("'@")
            || cell.starts_with("'-")
        {
            neutralised += 1;
        }
    }
    // The fixture's note "=HYPERLINK(…)", claim "+30 seats…", claim "@PortoWatch…" and
    // note "-check…" are each kept, behind an apostrophe.
    assert_eq!(neutralised, 4);
    assert_eq!(export::csv::neutralise("2 = 2"), "2 = 2");
}

#[test]
fn markdown_groups_claims_by_verdict_in_the_scale_order_and_shows_text_literally() {
    let report = render(Format::Markdown);
    let at = |heading: &str| {
        report
            .find(heading)
            .unwrap_or_else(|| panic!("{heading} in\n{report}"))
    };
    // The default scale starts "unverified", "true", …; claims without a verdict come last.
    assert!(at("### Unverified (1)") < at("### True (1)"));
    assert!(at("### True (1)") < at("### Misleading (1)"));
    assert!(at("### Misleading (1)") < at("### No verdict yet (2)"));
    // "+30 seats" would start a list, "&" an entity reference, "=" a heading underline.
    assert!(report.contains("> \\+30 seats will be added"));
    assert!(report.contains("Navegação Atlântica \\& Filhos"));
    assert!(report.contains("- Sources: none"), "c5 has no source");
    assert!(report.contains("1 without (c5)"));
    // A custom scale orders the groups its way.
    let scale = vec!["misleading".to_string(), "true".to_string()];
    let custom = export::markdown::export(&fixture(), &scale);
    assert!(custom.find("### Misleading").unwrap() < custom.find("### True").unwrap());
    assert!(custom.find("### True").unwrap() < custom.find("### Unverified").unwrap());
}

#[test]
fn markdown_escapes_what_would_be_markup() {
    assert_eq!(export::markdown::escape("1. First"), "1\\. First");
    assert_eq!(export::markdown::escape("- dash"), "\\- dash");
    assert_eq!(
        export::markdown::escape("a *b* [c](d) <e>"),
        "a \\*b\\* \\[c\\](d) \\<e\\>"
    );
    assert_eq!(export::markdown::escape("1,200 people"), "1,200 people");
}

#[test]
fn claimreview_reviews_every_claim_with_a_verdict_and_names_its_sources_as_authors() {
    let doc = fixture();
    let reviews: Value = serde_json::from_str(&render(Format::ClaimReview)).unwrap();
    let reviews = reviews.as_array().unwrap();
    let with_verdict: Vec<_> = doc
        .annotations
        .iter()
        .filter(|a| a.verdict.is_some())
        .collect();
    assert_eq!(reviews.len(), with_verdict.len());
    for review in reviews {
        assert_eq!(review["@context"], "https://schema.org");
        assert_eq!(review["@type"], "ClaimReview");
        assert_eq!(review["itemReviewed"]["@type"], "Claim");
        let claim = doc
            .annotations
            .get(review["identifier"].as_str().unwrap())
            .unwrap();
        assert_eq!(review["claimReviewed"], claim.anchor.quote.as_str());
        assert_eq!(
            review["reviewRating"]["alternateName"],
            claim.verdict.as_deref().unwrap()
        );
    }
    let c1 = reviews.iter().find(|r| r["identifier"] == "c1").unwrap();
    let authors = c1["itemReviewed"]["author"].as_array().unwrap();
    assert_eq!(authors[0]["@type"], "Organization");
    assert_eq!(authors[1]["name"], "Inês Carvalho-Müller");
}

#[test]
fn json_offsets_slice_the_text_for_annotations_and_entity_mentions() {
    let doc = fixture();
    let value: Value = serde_json::from_str(&render(Format::Json)).unwrap();
    let text = doc.article.text();
    let mut checked = 0;
    for a in value["annotations"].as_array().unwrap() {
        if let (Some(start), Some(end)) = (a["start"].as_u64(), a["end"].as_u64()) {
            assert_eq!(
                slice(text, start as usize, end as usize),
                a["text"].as_str().unwrap()
            );
            checked += 1;
        }
    }
    for e in value["entities"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            let (start, end) = (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
            assert_eq!(
                slice(text, start as usize, end as usize),
                m["text"].as_str().unwrap()
            );
            checked += 1;
        }
    }
    assert!(checked > 15, "only {checked} spans checked");
}

#[test]
fn an_export_never_replaces_the_article_or_its_sidecar() {
    let (dir, article) = common::copy_ferry();
    let before = std::fs::read(&article).unwrap();
    let out = sidenote(
        &[
            "export",
            "ferry.txt",
            "--format",
            "markdown",
            "-o",
            "ferry.txt",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(
        message.contains("ferry.txt") && message.contains("never replaces"),
        "{message}"
    );
    assert_eq!(std::fs::read(&article).unwrap(), before);
    // Written to a file of its own, it lands there.
    let out = sidenote(
        &["export", "ferry.txt", "--format", "csv", "-o", "claims.csv"],
        dir.path(),
    );
    assert!(out.status.success());
    assert!(
        std::fs::read_to_string(dir.path().join("claims.csv"))
            .unwrap()
            .starts_with("id,paragraph")
    );
}

/// A folder of three articles with sidecars, one of them broken, and one without.
fn newsroom() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let desk = dir.path().join("desk");
    std::fs::create_dir_all(desk.join("march")).unwrap();
    for name in ["ferry.txt", "march/ferry-again.txt"] {
        std::fs::copy(FIXTURE, desk.join(name)).unwrap();
        std::fs::copy(
            format!("{FIXTURE}.sidenote.toml"),
            desk.join(format!("{name}.sidenote.toml")),
        )
        .unwrap();
    }
    std::fs::write(desk.join("broken.txt"), "Broken\n\nSome text.\n").unwrap();
    std::fs::write(
        desk.join("broken.txt.sidenote.toml"),
        "format = \"sidenote/1\"\n[[annotation\n",
    )
    .unwrap();
    std::fs::write(desk.join("untouched.txt"), "No sidecar here.\n").unwrap();
    dir
}

#[test]
fn a_folder_exports_to_one_csv_with_an_article_column_and_reports_the_broken_article() {
    let dir = newsroom();
    let out = sidenote(
        &[
            "export",
            "desk",
            "--recursive",
            "--format",
            "csv",
            "-o",
            "all.csv",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "one article failed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("broken.txt") && stderr.contains("exported 2 of 3 articles"),
        "{stderr}"
    );
    // No progress bar when standard error is not a terminal.
    assert!(!stderr.contains("articles  "), "{stderr}");
    let records = csv_records(&std::fs::read_to_string(dir.path().join("all.csv")).unwrap());
    let claims = fixture()
        .annotations
        .count(sidenote::annotation::Kind::Claim);
    assert_eq!(records.len(), 2 * claims);
    let articles: std::collections::BTreeSet<&str> =
        records.iter().map(|r| r.get(0).unwrap()).collect();
    assert_eq!(
        articles.into_iter().collect::<Vec<_>>(),
        ["ferry.txt", "march/ferry-again.txt"]
    );
}

#[test]
fn a_folder_exports_to_json_and_markdown_and_lists_what_failed() {
    let dir = newsroom();
    let out = sidenote(&["export", "desk", "-r", "--format", "json"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["articles"].as_array().unwrap().len(), 2);
    assert_eq!(value["failed"][0]["article"], "broken.txt");
    assert!(
        value["failed"][0]["error"]
            .as_str()
            .unwrap()
            .contains("line 2")
    );

    let out = sidenote(
        &["export", "desk", "-r", "--format", "markdown"],
        dir.path(),
    );
    let report = String::from_utf8(out.stdout).unwrap();
    assert_eq!(report.matches("\n## São Tomé ferry operator").count(), 2);
    assert!(report.contains("## Not exported\n\n- `broken.txt`"));
}

#[test]
fn a_folder_asks_for_recursive_and_a_format_that_combines() {
    let dir = newsroom();
    let out = sidenote(&["export", "desk", "--format", "csv"], dir.path());
    assert!(String::from_utf8_lossy(&out.stderr).contains("desk is a folder; add --recursive"));
    let out = sidenote(&["export", "desk", "-r", "--format", "html"], dir.path());
    assert!(String::from_utf8_lossy(&out.stderr).contains("csv, json or markdown"));
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn json_keeps_the_editors_entity_corrections_and_rejected_suggestions() {
    use sidenote::entity::{Correction, EntityKind};
    use sidenote::suggest::{Rejection, SuggestionKind};
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("ferry.txt");
    std::fs::copy(FIXTURE, &article).unwrap();
    let mut doc = Document::open(&article, None).unwrap();
    doc.corrections.push(Correction::added(
        "Port Captain's Office",
        EntityKind::Organization,
        vec![],
    ));
    let text = doc.article.text();
    let at = text.find("Government figures published").unwrap();
    let end = at + text[at..].find('.').unwrap();
    let rejection = Rejection::new(&doc.article, SuggestionKind::Claim, at..end);
    doc.rejected.push(rejection);
    doc.save().unwrap();

    let doc = Document::open(&article, None).unwrap();
    let value = sidenote::export::export_json(&doc);
    assert_eq!(value["corrections"][0]["name"], "Port Captain's Office");
    assert_eq!(value["corrections"][0]["type"], "organization");
    let rejected = &value["rejected"][0];
    assert_eq!(rejected["kind"], "claim");
    let (start, end) = (
        rejected["start"].as_u64().unwrap(),
        rejected["end"].as_u64().unwrap(),
    );
    assert_eq!(
        slice(doc.article.text(), start as usize, end as usize),
        rejected["text"].as_str().unwrap()
    );
    assert!(
        rejected["text"]
            .as_str()
            .unwrap()
            .starts_with("Government figures published")
    );
}

#[cfg(unix)]
#[test]
fn an_export_is_readable_by_others_and_a_replaced_file_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.md");
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let doc = fixture();
    let output = export::render(&doc, Format::Markdown, &Options::default()).unwrap();
    export::write(&output, &out, &doc).unwrap();
    assert_eq!(mode(&out), 0o644);
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o600)).unwrap();
    export::write(&output, &out, &doc).unwrap();
    assert_eq!(mode(&out), 0o600);
}

#[test]
fn an_orphaned_claim_is_flagged_in_csv_html_and_markdown() {
    let (_dir, path) = common::copy_ferry();
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("+30 seats", "Thirty seats")).unwrap();
    let doc = Document::open(&path, None).unwrap();
    let one = |format| match export::render(&doc, format, &Options::default()).unwrap() {
        export::Output::One(text) => text,
        export::Output::Brat { ann, .. } => ann,
    };

    let records = csv_records(&one(Format::Csv));
    let orphaned: Vec<(&str, &str, &str)> = records
        .iter()
        .filter(|r| &r[9] == "true")
        .map(|r| (&r[0], &r[1], &r[4]))
        .collect();
    assert_eq!(
        orphaned,
        [("c4", "", "'+30 seats will be added on the Friday sailing")]
    );
    assert!(records.iter().all(|r| &r[9] == "true" || &r[9] == "false"));

    let html = one(Format::Html);
    let item = &html[html.find("<li id=\"claim-c4\"").unwrap()..];
    let item = &item[..item.find("</li>").unwrap()];
    assert!(item.contains("class=\"orphaned\""), "{item}");
    assert!(item.contains("not found in the text"), "{item}");

    let markdown = one(Format::Markdown);
    assert!(
        markdown.contains("**c4** · no longer found in the text"),
        "{markdown}"
    );
}
