//! `E` in the interface: choose a format, confirm or change the file, and see where it went.

mod common;

use common::app::{open, press, screen};
use common::copy_ferry as copy;

fn status(app: &sidenote::tui::App) -> String {
    let terminal = screen(app);
    let buffer = terminal.backend().buffer();
    let last = buffer.area.height - 1;
    (0..buffer.area.width)
        .map(|x| buffer[(x, last)].symbol())
        .collect::<String>()
}

#[test]
fn the_export_menu_lists_every_format() {
    let (_dir, article) = copy();
    let mut app = open(&article, 100, 30, "mono");
    press(&mut app, "E");
    let mut shown = String::new();
    let terminal = screen(&app);
    let buffer = terminal.backend().buffer();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            shown.push_str(buffer[(x, y)].symbol());
        }
        shown.push('\n');
    }
    assert!(shown.contains("export to…"), "{shown}");
    for format in sidenote::export::Format::ALL {
        assert!(
            shown.contains(format.about()),
            "{} missing:\n{shown}",
            format.name()
        );
    }
}

#[test]
fn e_csv_enter_enter_writes_beside_the_article_and_says_where() {
    let (dir, article) = copy();
    let mut app = open(&article, 100, 30, "mono");
    press(&mut app, "E \"csv\" enter");
    // The prompt offers the file beside the article.
    let expected = dir.path().join("ferry.txt.csv");
    assert!(
        screen(&app)
            .backend()
            .to_string()
            .contains("write csv to file"),
        "{}",
        screen(&app).backend()
    );
    press(&mut app, "enter");
    let csv = std::fs::read_to_string(&expected).expect("the export was written");
    assert!(csv.starts_with("id,paragraph,start,end,text"));
    assert_eq!(csv.matches("\r\nc").count(), 5, "one row per claim:\n{csv}");
    assert!(status(&app).contains("Exported csv to"), "{}", status(&app));
    assert!(app.overlay.is_none());
}

#[test]
fn a_file_in_a_missing_folder_is_a_message_not_a_crash() {
    let (dir, article) = copy();
    let mut app = open(&article, 200, 30, "mono");
    press(&mut app, "E \"markdown\" enter ctrl-u");
    let missing = dir.path().join("no-such-folder");
    press(
        &mut app,
        &format!(
            "\"{}\"",
            missing.display().to_string().replace('/', "\" / \"")
        ),
    );
    press(&mut app, "/ \"report.md\" enter");
    assert!(
        status(&app).contains("no such file or folder"),
        "{}",
        status(&app)
    );
    assert!(!missing.exists());
    // The annotations are untouched by a failed export, and another try works.
    press(&mut app, "E \"markdown\" enter enter");
    let report = std::fs::read_to_string(dir.path().join("ferry.txt.md")).unwrap();
    assert!(report.starts_with("# São Tomé ferry operator doubles fares"));
}

#[test]
fn escape_leaves_the_menu_without_writing() {
    let (dir, article) = copy();
    let mut app = open(&article, 100, 30, "mono");
    press(&mut app, "E esc");
    assert!(app.overlay.is_none());
    press(&mut app, "E enter esc");
    assert!(app.overlay.is_none());
    let files = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(files, 2, "only the article and its sidecar");
}
