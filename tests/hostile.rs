//! Hostile and odd articles: each opens and draws correctly, or stops with one clear
//! sentence naming the file; nothing in an article reaches the terminal as a control
//! sequence.

mod common;
use common::sidenote;

use std::process::Output;

use common::app::{open, press, screen};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use sidenote::tui::Action;
use unicode_segmentation::UnicodeSegmentation;

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Every row of a buffer as text.
fn rows(buf: &Buffer) -> Vec<String> {
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect()
}

/// Asserts no cell holds a character a terminal would act on.
fn assert_no_controls(buf: &Buffer) {
    for (i, cell) in buf.content.iter().enumerate() {
        assert!(
            !cell.symbol().chars().any(|c| c.is_control()
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)),
            "cell {i} holds {:?}",
            cell.symbol()
        );
    }
}

const ESCAPES: &str = "Clipboard and title attack\n\nThe council \x1b]52;c;SGVsbG8=\x07 met on \
Monday. Its clerk \x1b]0;pwned\x07 read the minutes.\n\nThe screen \x1b[2J was not cleared \
and a CSI \u{9b}31m stays visible, as does DEL \u{7f} and an override \u{202e}olleh.\n";

#[test]
fn escape_sequences_in_an_article_are_drawn_as_visible_placeholders() {
    let (_dir, path) = common::article("escapes.txt", ESCAPES);
    let app = open(&path, 120, 20, "default");
    let terminal = screen(&app);
    let buf = terminal.backend().buffer();
    assert_no_controls(buf);
    let text = rows(buf).join("\n");
    for shown in [
        "␛]52;c;SGVsbG8=␇",
        "␛]0;pwned␇",
        "␛[2J",
        "\u{fffd}31m",
        "DEL ␡",
        "⇆olleh",
    ] {
        assert!(text.contains(shown), "{shown:?} is not on screen:\n{text}");
    }
    // Display only: the text and its offsets are the file's.
    assert!(app.doc.article.text().contains("\x1b]52;c;SGVsbG8=\x07"));
}

#[test]
fn an_escape_in_a_note_or_an_entity_filter_is_a_placeholder_too() {
    let (_dir, path) = common::article("escapes.txt", ESCAPES);
    let mut app = open(&path, 100, 24, "default");
    press(&mut app, "j c i");
    // A note pasted with an escape in it (keys cannot type one, a paste could).
    let note = "see \x1b]0;x\x07 here";
    for c in note.chars() {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        app.update(Action::NoteInput(key));
    }
    press(&mut app, "esc tab tab");
    let terminal = screen(&app);
    assert_no_controls(terminal.backend().buffer());
    let text = rows(terminal.backend().buffer()).join("\n");
    assert!(text.contains("see ␛]0;x␇ here"), "{text}");
}

#[test]
fn tabs_expand_to_the_next_stop_of_four_cells() {
    let (_dir, path) = common::article("tabs.txt", "Name\tAge\tTown\nAl\t7\tOslo\n");
    let app = open(&path, 60, 10, "mono");
    let terminal = screen(&app);
    let text = rows(terminal.backend().buffer()).join("\n");
    assert!(text.contains("Name    Age Town  "), "{text}");
    assert!(text.contains("Al  7   Oslo  "), "{text}");
}

/// The article pane's text, read back from the screen: what is drawn, in order,
/// without the spaces (which wrapping drops at breaks).
fn drawn_graphemes(app: &sidenote::tui::App, buf: &Buffer) -> Vec<String> {
    let area = app.text_area();
    let mut out = Vec::new();
    for y in area.y..area.y + area.height {
        for x in area.x..area.x + area.width {
            let symbol = buf[(x, y)].symbol();
            if !symbol.trim().is_empty() {
                out.push(symbol.to_string());
            }
        }
    }
    out
}

#[test]
fn wide_and_joined_characters_are_drawn_whole_at_every_width() {
    let text = "多语言报道\n\n陈伟说水能载舟亦能覆舟，港口扩建计划周一通过。The team 👩\u{200d}🔬 and 👨\u{200d}👩\u{200d}👧 met 🏳\u{fe0f}\u{200d}🌈 under flags. Crème brûlée, e\u{301}te\u{301}, Zoë. \
        שלום עולם said the rabbi; مرحبا بالعالم said the imam. 日本語のテキストも表示する。\n";
    let (_dir, path) = common::article("wide.txt", text);
    let expected: Vec<String> = text
        .graphemes(true)
        .filter(|g| !g.trim().is_empty())
        .map(str::to_string)
        .collect();
    for width in 20..=70 {
        let mut app = open(&path, width, 60, "mono");
        app.update(Action::Resize(width, 60));
        let terminal = screen(&app);
        let buf = terminal.backend().buffer();
        assert_eq!(
            drawn_graphemes(&app, buf),
            expected,
            "at width {width}:\n{}",
            rows(buf).join("\n")
        );
    }
}

#[test]
fn an_empty_article_opens_says_so_and_every_key_is_harmless() {
    for (name, text) in [
        ("empty.txt", ""),
        ("blank.txt", "\n\n  \n\t\n"),
        ("bom.txt", "\u{feff}"),
    ] {
        let (_dir, path) = common::article(name, text);
        let mut app = open(&path, 80, 20, "default");
        press(
            &mut app,
            "j k J K g G c s l esc v w esc d V esc i esc u ctrl-r ] [ a x A tab j tab j",
        );
        let terminal = screen(&app);
        let shown = rows(terminal.backend().buffer()).join("\n");
        assert!(shown.contains("The article is empty."), "{name}:\n{shown}");
        assert!(shown.contains("0 claims"), "{name}:\n{shown}");
    }
}

#[test]
fn an_empty_article_still_exports_and_checks() {
    let (dir, _path) = common::article("empty.txt", "");
    let output = sidenote(&["export", "empty.txt", "--format", "json"], dir.path());
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["article"]["characters"], 0);
    assert_eq!(json["annotations"], serde_json::json!([]));
    let output = sidenote(&["check", "empty.txt"], dir.path());
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn crlf_and_a_bom_are_read_as_plain_lines() {
    let (dir, _path) = common::article(
        "crlf.txt",
        "\u{feff}Harbour vote\r\n\r\nThe council met.\r\nIt voted.\r\n",
    );
    let output = sidenote(&["export", "crlf.txt", "--format", "json"], dir.path());
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["article"]["title"], "Harbour vote");
}

/// Runs `sidenote entities FILE` on the bytes and returns its error line.
fn refused(name: &str, bytes: &[u8], extra: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), bytes).unwrap();
    let mut args = vec!["entities", name];
    args.extend_from_slice(extra);
    let output = sidenote(&args, dir.path());
    assert_eq!(output.status.code(), Some(2), "{name} was accepted");
    let message = stderr(&output);
    assert_eq!(message.lines().count(), 1, "not one line: {message}");
    assert!(message.contains(name), "the file is not named: {message}");
    message
}

#[test]
fn a_binary_file_is_refused_as_binary() {
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00";
    let message = refused("photo.png", png, &[]);
    assert!(
        message.contains("looks like a binary file, not text"),
        "{message}"
    );
    // --lossy does not make a binary file an article.
    let message = refused("photo.png", png, &["--lossy"]);
    assert!(message.contains("binary file"), "{message}");
}

#[test]
fn utf16_is_named_as_such() {
    let bytes: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain("Vote".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let message = refused("wide.txt", &bytes, &[]);
    assert!(message.contains("UTF-16"), "{message}");
}

#[test]
fn invalid_utf8_names_the_byte_offset_and_lossy_opens_it_anyway() {
    let bytes = b"Caf\xe9 owner Zoe Hartley said the council paid.\n";
    let message = refused("latin1.txt", bytes, &[]);
    assert!(message.contains("offset 3"), "{message}");
    assert!(message.contains("--lossy"), "{message}");

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("latin1.txt"), bytes).unwrap();
    for command in [
        &["export", "latin1.txt", "--format", "json", "--lossy"][..],
        &["suggest", "--lossy", "latin1.txt"][..],
        &["check", "--lossy", "latin1.txt"][..],
    ] {
        let output = sidenote(command, dir.path());
        assert!(output.status.success(), "{command:?}: {}", stderr(&output));
    }
    let output = sidenote(
        &["export", "latin1.txt", "--format", "html", "--lossy"],
        dir.path(),
    );
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("\u{fffd} owner"),
        "the invalid byte is not shown as U+FFFD"
    );
}

#[test]
fn a_folder_or_a_missing_file_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("drafts")).unwrap();
    let output = sidenote(&["entities", "drafts"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("drafts: it is a folder, not a file"),
        "{message}"
    );
    let output = sidenote(&["drafts"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("it is a folder"),
        "{}",
        stderr(&output)
    );
    let output = sidenote(&["check", "gone.txt"], dir.path());
    assert!(
        stderr(&output).contains("gone.txt: no such file or folder"),
        "{}",
        stderr(&output)
    );
}
