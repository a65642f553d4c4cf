//! A big article in the real binary: its first part is on screen at once while the rest
//! loads, `G` pressed meanwhile lands on the real end, annotating waits for the whole
//! text, and the sidecar is never written before it is read. No timings are asserted
//! (speed is for `benches/` and `scripts/bench-open`): the waits are generous, since the
//! tests run an unoptimised build.

#[path = "../benches/archive.rs"]
mod archive;
mod common;
#[path = "common/pty.rs"]
mod pty;

use std::path::{Path, PathBuf};
use std::time::Duration;

use pty::Session;
use sidenote::annotation::Kind;
use sidenote::article::{Article, Decoding};
use sidenote::document::Document;
use tempfile::TempDir;

/// Long enough for an unoptimised build to find every entity and suggestion of the article.
const LOADED: Duration = Duration::from_secs(180);
const TITLE: &str = "Harbour and health coverage, collected";
const END: &str = "closingmarker";

/// A generated article of about a megabyte (well over the size that loads in the
/// background), in a fresh folder, its last paragraph marked.
fn big_article() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("archive.txt");
    let mut text = archive::generate(1_000_000);
    text.push_str(&format!("This is where the archive ends, {END}.\n"));
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

fn loaded(screen: &str) -> bool {
    screen.contains("Loaded:")
}

#[test]
fn the_first_part_shows_at_once_and_the_entities_follow() {
    let (dir, _) = big_article();
    let mut session = Session::start(&["archive.txt"], dir.path());
    session.wait_for(TITLE);
    session.wait_until("the load to finish", LOADED, loaded);
    let screen = session.contents();
    assert!(screen.contains("People"), "{screen}");
    assert!(!screen.contains("finding them"), "{screen}");
    assert!(!screen.contains("Loading…"), "{screen}");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}

#[test]
fn g_pressed_at_once_goes_to_the_real_end() {
    let (dir, _) = big_article();
    let mut session = Session::start(&["archive.txt"], dir.path());
    session.wait_for(TITLE);
    session.send("G");
    session.wait_until("the last paragraph", LOADED, |screen| screen.contains(END));
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}

#[test]
fn tagging_waits_for_the_whole_article_then_works() {
    let (dir, article) = big_article();
    let mut session = Session::start(&["archive.txt"], dir.path());
    session.wait_for(TITLE);
    session.send("c");
    // Refused while only the first part is there; on a fast machine the whole may be in.
    session.wait_until("a refusal or a claim", LOADED, |screen| {
        screen.contains("Still loading the article") || screen.contains("1 claim")
    });
    let refused = session.contents().contains("Still loading the article");
    session.wait_until("the load to finish", LOADED, |screen| {
        !screen.contains("Loading…")
    });
    if refused {
        assert!(
            !common::sidecar_of(&article).exists(),
            "a refused tag must not write the sidecar"
        );
        session.send("c");
        session.wait_for("1 claim");
    }
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    let doc = Document::open(&article, None).unwrap();
    assert_eq!(doc.annotations.count(Kind::Claim), 1);
}

/// A sidecar with two claims and a source, written through the library.
fn annotate(article: &Path) -> String {
    let mut doc = Document::open(article, None).unwrap();
    let sentences: Vec<_> = doc.article.sentences()[2..5]
        .iter()
        .map(|s| s.range.clone())
        .collect();
    doc.annotations
        .add(&doc.article, Kind::Claim, sentences[0].clone());
    doc.annotations
        .add(&doc.article, Kind::Claim, sentences[1].clone());
    doc.annotations
        .add(&doc.article, Kind::Source, sentences[2].clone());
    doc.save().unwrap();
    std::fs::read_to_string(common::sidecar_of(article)).unwrap()
}

#[test]
fn quitting_at_once_leaves_the_annotations_untouched() {
    let (dir, article) = big_article();
    let before = annotate(&article);
    let mut session = Session::start(&["archive.txt"], dir.path());
    session.wait_for(TITLE);
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    assert_eq!(
        std::fs::read_to_string(common::sidecar_of(&article)).unwrap(),
        before
    );
    // And once loaded, they are all there.
    let mut session = Session::start(&["archive.txt"], dir.path());
    session.wait_until("the annotations", LOADED, |screen| {
        screen.contains("2 claims · 1 source")
    });
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    let doc = Document::open(&article, None).unwrap();
    assert_eq!(doc.annotations.count(Kind::Claim), 2);
    assert_eq!(doc.annotations.count(Kind::Source), 1);
}

#[test]
fn bytes_that_are_not_utf8_after_the_first_part_end_it_with_the_usual_message() {
    let (dir, article) = big_article();
    let mut bytes = std::fs::read(&article).unwrap();
    let at = bytes.len() / 2;
    bytes[at] = 0xff;
    std::fs::write(&article, &bytes).unwrap();
    let expected = format!("(invalid byte at offset {at})");
    let mut session = Session::start(&["archive.txt"], dir.path());
    session.wait_until("the error", LOADED, |screen| screen.contains(&expected));
    assert_eq!(session.wait_exit(), 2);
    session.assert_restored();
    assert!(!common::sidecar_of(&article).exists());
}

#[test]
fn a_broken_sidecar_stops_a_big_article_before_it_opens() {
    let (dir, article) = big_article();
    let broken = "format = \"sidenote/1\"\n\n[article\nfile = \"archive.txt\"\n";
    std::fs::write(common::sidecar_of(&article), broken).unwrap();
    let mut session = Session::start(&["archive.txt"], dir.path());
    session.wait_for("line 3, column");
    assert_eq!(session.wait_exit(), 2);
    session.assert_restored();
    assert!(!session.contents().contains(TITLE));
    assert_eq!(
        std::fs::read_to_string(common::sidecar_of(&article)).unwrap(),
        broken
    );
}

/// A sidecar over the size read before the first screen (64 KB) is read by the loading
/// thread: its annotations are all there once the article is in, and a broken one ends
/// sidenote with the usual sentence, the file left as it was.
#[test]
fn a_big_sidecar_is_read_while_the_article_loads() {
    let (dir, article) = big_article();
    let sidecar = common::sidecar_of(&article);
    let mut doc = Document::open(&article, None).unwrap();
    let text = std::sync::Arc::clone(&doc.article);
    for sentence in text.sentences().iter().step_by(3).take(400) {
        let claim = doc
            .annotations
            .add(&text, Kind::Claim, sentence.range.clone());
        doc.annotations.edit(&claim, |a| {
            a.note = Some("Checked against the ministry's own figures for the year.".into())
        });
    }
    doc.save().unwrap();
    assert!(std::fs::metadata(&sidecar).unwrap().len() > 64 * 1024);
    let mut session = Session::start(&["archive.txt"], dir.path());
    session.wait_until("the load to finish", LOADED, loaded);
    assert!(
        session.contents().contains("400 claims"),
        "{}",
        session.contents()
    );
    session.send("q");
    assert_eq!(session.wait_exit(), 0);

    let mut broken = std::fs::read_to_string(&sidecar).unwrap();
    broken.push_str("\n[[annotation]\n");
    std::fs::write(&sidecar, &broken).unwrap();
    let mut session = Session::start(&["archive.txt"], dir.path());
    session.wait_until("the error", LOADED, |screen| screen.contains("column"));
    assert_eq!(session.wait_exit(), 2);
    session.assert_restored();
    assert_eq!(std::fs::read_to_string(&sidecar).unwrap(), broken);
}

/// A speaker renamed once the article is in: the panel and the message change at once,
/// the suggestions are found again behind them, and the correction is in the sidecar.
#[test]
fn a_correction_once_loaded_is_shown_at_once_and_the_suggestions_follow() {
    let (dir, article) = big_article();
    let mut session = Session::start(&["archive.txt"], dir.path());
    session.wait_for(TITLE);
    session.wait_until("the load to finish", LOADED, loaded);
    // Tab to the panel, rename its first entity (ctrl-u clears the name), Enter.
    session.send("\tr\x15Renamed Speaker\r");
    session.wait_until("the rename", LOADED, |screen| {
        screen.contains("to Renamed Speaker")
    });
    session.wait_until("the suggestions", LOADED, |screen| {
        !screen.contains("finding who says what again")
    });
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
    let doc = Document::open(&article, None).unwrap();
    let renamed = doc
        .entities
        .iter()
        .find(|e| e.name == "Renamed Speaker")
        .expect("the correction was saved");
    let suggestions = sidenote::suggest::suggest(&doc.article, &doc.entities);
    assert!(
        suggestions
            .attributions
            .iter()
            .any(|a| a.speaker.entity.as_ref() == Some(&renamed.id)
                && a.speaker.name == "Renamed Speaker"),
        "the first entity speaks in the archive"
    );
}

/// The archive as a Markdown file, and as an HTML page whose first 100 KB are a style
/// sheet, a navigation bar before the article and an aside and a footer after it.
fn big_markup() -> (TempDir, [PathBuf; 2]) {
    let dir = tempfile::tempdir().unwrap();
    let text = archive::generate(1_000_000);
    let paragraphs: Vec<&str> = text.split("\n\n").filter(|p| !p.is_empty()).collect();
    let markdown = dir.path().join("archive.md");
    let mut md = format!("# {}\n\n", paragraphs[0]);
    for paragraph in &paragraphs[1..] {
        md.push_str(&format!("{paragraph}\n\n"));
    }
    md.push_str(&format!("This is where the archive ends, *{END}*.\n"));
    std::fs::write(&markdown, md).unwrap();
    let escape = |p: &str| p.replace('&', "&amp;").replace('<', "&lt;");
    let html = dir.path().join("archive.html");
    let mut page =
        String::from("<!doctype html><html><head><title>Archive | Wire</title><style>\n");
    while page.len() < 100_000 {
        page.push_str(".story p { margin: 0 0 1em; font: 16px/1.5 Georgia, serif; }\n");
    }
    page.push_str(
        "</style></head><body><nav><a href=\"/\">Home</a> <a href=\"/w\">World</a></nav>",
    );
    page.push_str(&format!("<article><h1>{}</h1>\n", escape(paragraphs[0])));
    for paragraph in &paragraphs[1..] {
        page.push_str(&format!("<p>{}</p>\n", escape(paragraph)));
    }
    page.push_str(&format!(
        "<p>This is where the archive ends, <em>{END}</em>.</p>"
    ));
    page.push_str("</article><aside class=\"related\">Read next</aside><footer>Wire</footer>");
    std::fs::write(&html, page).unwrap();
    (dir, [markdown, html])
}

/// The first part of a big Markdown or HTML file is the start of the text the whole file
/// gives (an HTML page's style sheet is read past to find it), so the reader's place in
/// it holds when the whole is in.
#[test]
fn the_first_part_of_markdown_and_html_is_the_start_of_the_whole() {
    let (_dir, files) = big_markup();
    for path in files {
        let whole = Article::load(&path).unwrap();
        let (head, all) = Article::load_head(&path, Decoding::Strict, 8 * 1024).unwrap();
        assert!(!all, "{}", path.display());
        let name = path.display();
        assert!(
            head.text().len() >= 8 * 1024,
            "{name}: {}",
            head.text().len()
        );
        assert!(
            head.text().len() < 64 * 1024,
            "{name}: {}",
            head.text().len()
        );
        assert_eq!(head.paragraph_text(0), TITLE, "{name}");
        assert!(whole.text().starts_with(head.text()), "{name}");
        assert_eq!(
            head.paragraphs().len(),
            whole.paragraph_at(head.text().len() - 1) + 1,
            "{name}: the same paragraphs"
        );
    }
}

/// An HTML page over the size that loads in the background but of little text (its
/// scripts are most of it) is read to its end looking for text: its first part is then the
/// whole article, which opens at once, with nothing left to load.
#[test]
fn a_big_page_of_little_text_is_read_whole_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.html");
    let example =
        std::fs::read_to_string(common::examples().join("reservoir-levels.html")).unwrap();
    let script = "var levels = [41, 38, 35]; function show(l) { return l * 2; }\n".repeat(5000);
    let page = example.replacen("</head>", &format!("<script>{script}</script></head>"), 1);
    assert!(page.len() as u64 > sidenote::tui::loading::BIG);
    std::fs::write(&path, page).unwrap();
    let (head, whole) = Article::load_head(&path, Decoding::Strict, 8 * 1024).unwrap();
    assert!(whole);
    assert_eq!(head.text(), Article::load(&path).unwrap().text());
    let mut session = Session::start(&["page.html"], dir.path());
    session.wait_for("Reservoir");
    session.send("c");
    session.wait_for("1 claim");
    assert!(!session.contents().contains("Loading…"));
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}

/// A big Markdown or HTML file opens as a big text file does: its first paragraphs at
/// once while the rest loads (they waited for the whole file's analysis), and `G` pressed
/// meanwhile lands on the real end.
#[test]
fn big_markdown_and_html_show_their_first_part_while_the_rest_loads() {
    let (dir, files) = big_markup();
    for path in files {
        let name = path.file_name().unwrap().to_str().unwrap();
        let mut session = Session::start(&[name], dir.path());
        session.wait_until("the first part, loading", LOADED, |screen| {
            screen.contains(TITLE) && screen.contains("Loading…")
        });
        session.send("G");
        session.wait_until("the last paragraph", LOADED, |screen| screen.contains(END));
        session.wait_until("the load to finish", LOADED, loaded);
        session.send("q");
        assert_eq!(session.wait_exit(), 0, "{name}");
    }
}
