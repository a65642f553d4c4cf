//! The command line: JSON shapes, help and version, and errors as one clear line.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn sidenote(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sidenote"))
        .args(args)
        .current_dir(cwd)
        .env_remove("NO_COLOR")
        .output()
        .expect("run sidenote")
}

fn stdout_json(output: &Output) -> Value {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("valid JSON")
}

/// The characters `start..end` of a text, counting Unicode scalar values.
fn chars(text: &str, start: &Value, end: &Value) -> String {
    let (start, end) = (
        start.as_u64().unwrap() as usize,
        end.as_u64().unwrap() as usize,
    );
    text.chars().skip(start).take(end - start).collect()
}

const ARTICLE: &str = "Café owner speaks\n\nPublished May 2, 2026\n\n“We served 1,200 meals,” said Zoë Hartley, who runs the café 👋🏽 in Oslo. Hartley added that the Oslo City Council paid for half.\n";

#[test]
fn entities_json_has_the_documented_shape_with_character_offsets() {
    let (dir, path) = common::article("cafe.txt", ARTICLE);
    let json = stdout_json(&sidenote(
        &["entities", "cafe.txt", "--format", "json"],
        dir.path(),
    ));
    assert_eq!(json["article"], "cafe.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let entities = json["entities"].as_array().unwrap();
    let zoe = entities
        .iter()
        .find(|e| e["name"] == "Zoë Hartley")
        .expect("Zoë Hartley found");
    assert_eq!(zoe["type"], "person");
    assert_eq!(zoe["id"], "zoë-hartley");
    assert_eq!(zoe["aliases"], serde_json::json!(["Hartley"]));
    assert_eq!(zoe["mentions"].as_array().unwrap().len(), 2);
    for entity in entities {
        for key in ["id", "name", "type", "aliases", "mentions"] {
            assert!(entity.get(key).is_some(), "{key} missing in {entity}");
        }
        for mention in entity["mentions"].as_array().unwrap() {
            assert_eq!(
                chars(&text, &mention["start"], &mention["end"]),
                mention["text"].as_str().unwrap()
            );
            assert_eq!(mention["paragraph"], 2, "paragraphs count from 0");
        }
    }
    let oslo = entities
        .iter()
        .find(|e| e["name"] == "Oslo")
        .expect("Oslo found");
    assert_eq!(oslo["type"], "place");
}

#[test]
fn suggest_json_has_the_documented_shape_and_leaves_out_what_was_rejected() {
    let (dir, path) = common::article("cafe.txt", ARTICLE);
    let text = std::fs::read_to_string(&path).unwrap();
    let json = stdout_json(&sidenote(
        &["suggest", "cafe.txt", "--format", "json"],
        dir.path(),
    ));
    assert_eq!(json["article"], "cafe.txt");
    let claims = json["claims"].as_array().unwrap();
    let meals = claims
        .iter()
        .find(|c| c["text"].as_str().unwrap().contains("1,200 meals"))
        .expect("the meals are a claim");
    assert_eq!(meals["rule"], "number");
    assert_eq!(meals["paragraph"], 2);
    let attributions = json["attributions"].as_array().unwrap();
    let quote = &attributions[0];
    assert_eq!(quote["text"], "We served 1,200 meals");
    assert_eq!(quote["rule"], "quote-then-speaker");
    assert_eq!(quote["speaker"]["name"], "Zoë Hartley");
    assert_eq!(quote["speaker"]["entity"], "zoë-hartley");
    let added = &attributions[1];
    assert_eq!(added["text"], "the Oslo City Council paid for half");
    assert_eq!(added["speaker"]["name"], "Zoë Hartley");
    for item in claims.iter().chain(attributions) {
        assert_eq!(
            chars(&text, &item["start"], &item["end"]),
            item["text"].as_str().unwrap()
        );
    }
    let speaker = &quote["speaker"];
    assert_eq!(
        chars(&text, &speaker["start"], &speaker["end"]),
        "Zoë Hartley"
    );

    // The editor rejects the second attribution; it is no longer suggested.
    let mut doc = sidenote::document::Document::open(&path, None).unwrap();
    let suggestions = sidenote::suggest::suggest(&doc.article, &doc.entities);
    let range = suggestions.attributions[1].range.clone();
    doc.rejected.push(sidenote::suggest::Rejection::new(
        &doc.article,
        sidenote::suggest::SuggestionKind::Attribution,
        range,
    ));
    doc.save().unwrap();
    let json = stdout_json(&sidenote(
        &["suggest", "cafe.txt", "--format", "json"],
        dir.path(),
    ));
    let attributions = json["attributions"].as_array().unwrap();
    assert_eq!(attributions.len(), 1, "{attributions:?}");
    assert_eq!(attributions[0]["text"], "We served 1,200 meals");
}

#[test]
fn entities_table_lists_type_count_and_name() {
    let (dir, _path) = common::copy_example("harbour-wire.txt");
    let output = sidenote(&["entities", "harbour-wire.txt"], dir.path());
    assert!(output.status.success());
    let table = String::from_utf8(output.stdout).unwrap();
    let header = table.lines().next().unwrap();
    assert!(header.starts_with("TYPE") && header.contains("MENTIONS") && header.contains("NAME"));
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("person") && l.contains("Tomas Berg") && l.contains("Berg"))
    );
}

#[test]
fn export_json_carries_annotations_with_anchors_and_links() {
    let (dir, path) = common::article("cafe.txt", ARTICLE);
    let sidecar = r#"format = "sidenote/1"

[article]
file = "cafe.txt"
fingerprint = "blake3:0"
offsets = "chars"

[[annotation]]
id = "c1"
kind = "claim"
start = 43
end = 61
quote = "We served 1,200 meals"
sources = ["s1"]
verdict = "unverified"
note = "Ask for the receipts."

[[annotation]]
id = "s1"
kind = "source"
start = 69
end = 80
quote = "Zoë Hartley"
entity = "zoë-hartley"
"#;
    std::fs::write(common::sidecar_of(&path), sidecar).unwrap();
    let json = stdout_json(&sidenote(
        &["export", "cafe.txt", "--format", "json"],
        dir.path(),
    ));
    assert_eq!(json["format"], "sidenote-export/1");
    assert_eq!(json["article"]["title"], "Café owner speaks");
    assert_eq!(json["article"]["date"], "2026-05-02");
    let text = std::fs::read_to_string(&path).unwrap();
    let annotations = json["annotations"].as_array().unwrap();
    let claim = annotations.iter().find(|a| a["id"] == "c1").unwrap();
    // The stored offsets were wrong; the quote was found and the export says where it is now.
    assert_eq!(
        chars(&text, &claim["start"], &claim["end"]),
        "We served 1,200 meals"
    );
    assert_eq!(claim["sources"], serde_json::json!(["s1"]));
    assert_eq!(claim["verdict"], "unverified");
    assert_eq!(claim["note"], "Ask for the receipts.");
    let source = annotations.iter().find(|a| a["id"] == "s1").unwrap();
    assert_eq!(
        chars(&text, &source["start"], &source["end"]),
        "Zoë Hartley"
    );
    assert_eq!(source["entity"], "zoë-hartley");
    assert!(
        json["entities"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["name"] == "Zoë Hartley")
    );

    // -o writes the same document to a file.
    let output = sidenote(
        &["export", "cafe.txt", "--format", "json", "-o", "out.json"],
        dir.path(),
    );
    assert!(output.status.success());
    let written: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("out.json")).unwrap())
            .unwrap();
    assert_eq!(written, json);
}

#[test]
fn check_reports_orphans_and_fails_when_there_are_any() {
    let (dir, path) = common::article("cafe.txt", ARTICLE);
    let sidecar = "format = \"sidenote/1\"\n[article]\nfile = \"cafe.txt\"\nfingerprint = \"x\"\noffsets = \"chars\"\n\n[[annotation]]\nid = \"c1\"\nkind = \"claim\"\nstart = 43\nend = 64\nquote = \"We served 1,200 meals\"\n";
    std::fs::write(common::sidecar_of(&path), sidecar).unwrap();
    let output = sidenote(&["check", "cafe.txt"], dir.path());
    assert!(output.status.success());
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("1 placed, 0 moved, 0 fuzzy, 0 orphaned")
    );

    std::fs::write(&path, ARTICLE.replace("1,200", "900")).unwrap();
    let output = sidenote(&["check", "cafe.txt"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        report.contains("0 placed, 0 moved, 0 fuzzy, 1 orphaned")
            && report.contains("orphaned claim c1: \"We served 1,200 meals\""),
        "{report}"
    );
}

#[test]
fn check_counts_moved_and_fuzzy_annotations_and_lists_each_fuzzy_one() {
    let (dir, path) = common::article("cafe.txt", ARTICLE);
    let mut doc = sidenote::document::Document::open(&path, None).unwrap();
    let text = doc.article.text().to_string();
    for words in [
        "said Zoë Hartley",
        "Hartley added that the Oslo City Council paid",
    ] {
        let at = text.find(words).unwrap();
        doc.annotations.add(
            &doc.article,
            sidenote::annotation::Kind::Claim,
            at..at + words.len(),
        );
    }
    doc.save().unwrap();
    // A word inserted at the top moves both; a typo fixed in the second makes it fuzzy.
    let edited = ARTICLE
        .replace("Café owner", "Café owner now")
        .replace("City Council paid", "City Council had paid");
    std::fs::write(&path, edited).unwrap();
    let output = sidenote(&["check", "cafe.txt"], dir.path());
    let report = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{report}");
    assert!(
        report.contains("0 placed, 1 moved, 1 fuzzy, 0 orphaned"),
        "{report}"
    );
    assert!(
        report.contains("fuzzy claim c2: \"Hartley added that the Oslo City Council paid\" is now \"Hartley added that the Oslo City Council had paid\""),
        "{report}"
    );
}

#[test]
fn help_and_version_work_for_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let version = sidenote(&["--version"], dir.path());
    assert!(
        String::from_utf8_lossy(&version.stdout)
            .starts_with(concat!("sidenote ", env!("CARGO_PKG_VERSION")))
    );
    for command in [
        vec![],
        vec!["entities"],
        vec!["suggest"],
        vec!["export"],
        vec!["check"],
    ] {
        let mut args = command.clone();
        args.push("--help");
        let output = sidenote(&args, dir.path());
        assert!(output.status.success(), "{args:?}");
        let help = String::from_utf8_lossy(&output.stdout);
        assert!(help.contains("Usage: sidenote"), "{args:?}: {help}");
        assert!(help.contains("--sidecar"), "{args:?} documents --sidecar");
    }
}

/// Each command's help describes the JSON that command writes.
#[test]
fn help_describes_each_commands_own_json() {
    let dir = tempfile::tempdir().unwrap();
    let help = |command: &str| {
        let output = sidenote(&[command, "--help"], dir.path());
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let suggest = help("suggest");
    assert!(
        suggest.contains("\"claims\"") && suggest.contains("\"attributions\""),
        "{suggest}"
    );
    assert!(!suggest.contains("\"entities\""), "{suggest}");
    let entities = help("entities");
    assert!(entities.contains("\"entities\""), "{entities}");
    assert!(!entities.contains("\"claims\""), "{entities}");
}

/// Every error is one line on stderr naming the file and the cause, with a failing exit.
#[test]
fn errors_are_one_clear_line() {
    let (dir, path) = common::article("cafe.txt", ARTICLE);
    std::fs::write(dir.path().join("binary.txt"), b"abc\xff\xfe").unwrap();
    std::fs::write(
        common::sidecar_of(&dir.path().join("bad.txt")),
        "format = \"sidenote/1\"\n[article\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("bad.txt"), "Some text.").unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "verdicts = [\"true\", \"false\"]\nverdict_colours = 3\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("empty.toml"), "verdicts = []\n").unwrap();
    let cases: [(&[&str], &str); 8] = [
        (
            &["entities", "missing.txt"],
            "cannot read article missing.txt: no such file",
        ),
        (&["entities", "."], "cannot read article .: it is a folder"),
        (
            &["entities", "binary.txt"],
            "binary.txt: it is not UTF-8 text (invalid byte at offset 3)",
        ),
        (
            &["export", "bad.txt", "--format", "json"],
            "bad.txt.sidenote.toml is broken at line 2, column 9",
        ),
        (
            &["check", "bad.txt"],
            "bad.txt.sidenote.toml is broken at line 2, column 9",
        ),
        (
            &["--theme", "nosuch", "cafe.txt"],
            "theme nosuch: no built-in theme has that name",
        ),
        (
            &["--config", "config.toml", "cafe.txt"],
            "config config.toml is broken at line 2, column 1: unknown field `verdict_colours`",
        ),
        (
            &["--config", "empty.toml", "cafe.txt"],
            "config empty.toml is broken at line 1, column 12: `verdicts` lists no verdict",
        ),
    ];
    for (args, expected) in cases {
        let output = sidenote(args, dir.path());
        assert!(!output.status.success(), "{args:?} succeeded");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty(), "{args:?} printed to stdout");
    }
    assert!(path.exists());
}

#[test]
fn import_adds_what_another_tool_exported_and_says_so() {
    let (dir, article) = common::copy_ferry();
    std::fs::create_dir(dir.path().join("copy")).unwrap();
    std::fs::copy(&article, dir.path().join("copy/ferry.txt")).unwrap();
    let out = sidenote(
        &["export", "ferry.txt", "--format", "brat", "-o", "out"],
        dir.path(),
    );
    assert!(out.status.success());
    assert!(dir.path().join("out.ann").exists() && dir.path().join("out.txt").exists());

    let out = sidenote(
        &["import", "copy/ferry.txt", "--from", "brat", "out.ann"],
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "copy/ferry.txt.sidenote.toml: 10 annotations added\n"
    );
    let sidecar = std::fs::read_to_string(dir.path().join("copy/ferry.txt.sidenote.toml")).unwrap();
    assert!(sidecar.contains("verdict = \"misleading\""));
    assert!(sidecar.contains("sources = [\"s1\", \"s2\"]"));

    // A file that is not what --from says is refused, and the sidecar is left as it was.
    let out = sidenote(
        &["import", "copy/ferry.txt", "--from", "json", "out.ann"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(
        message.contains("out.ann") && message.contains("nothing was imported"),
        "{message}"
    );
    let after = std::fs::read_to_string(dir.path().join("copy/ferry.txt.sidenote.toml")).unwrap();
    assert_eq!(after, sidecar);
}

#[path = "../benches/archive.rs"]
mod archive;

/// On a long article the command line shares the analysis among the processors, and prints
/// the entities and suggestions one thread finds.
#[test]
fn on_a_long_article_the_command_line_prints_what_one_thread_finds() {
    use sidenote::document::Document;
    use sidenote::export;

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("archive.txt");
    std::fs::write(&path, archive::generate(400_000)).unwrap();
    let doc = Document::open(&path, None).unwrap();
    let suggestions = sidenote::suggest::suggest(&doc.article, &doc.entities);
    let printed = |command: &str| {
        let output = common::sidenote(&[command, "archive.txt", "--format", "json"], dir.path());
        assert!(output.status.success(), "{command}");
        let mut json: Value = serde_json::from_slice(&output.stdout).unwrap();
        json.as_object_mut().unwrap().remove("article");
        json
    };
    let mut expected = export::entities_json(&doc);
    expected.as_object_mut().unwrap().remove("article");
    assert!(printed("entities") == expected, "the entities differ");
    let mut expected = export::suggestions_json(&doc, &suggestions);
    expected.as_object_mut().unwrap().remove("article");
    assert!(expected["claims"].as_array().unwrap().len() > 50);
    assert!(printed("suggest") == expected, "the suggestions differ");
}
