//! A keystroke's frame: the action applied and the screen drawn into a 200x60 TestBackend,
//! for a 4 KB article, a 64 KB one and a 15 MB one. They should cost about the same: only
//! what is on screen is wrapped and drawn. (A 4 KB article does not fill a 200x60 screen, so
//! its frames draw less text and a page key has nowhere to go; 64 KB is a few screens.)
//! "correct" gives the first entity the next type and undoes it: the entities are corrected
//! again each time, and on a 4 KB article the suggestions too; on the bigger ones a thread
//! finds those (started by the first step, and never taken in here).

mod archive;

use std::path::Path;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::backend::TestBackend;
use sidenote::article::Article;
use sidenote::document::Document;
use sidenote::tui::screen::Screen;
use sidenote::tui::{Action, App, Keymap, Theme, view};

fn app(text: &str, folder: &Path) -> App {
    let article = Article::from_text(&folder.join("article.txt"), text);
    let doc = Document::from_article(article, Some(&folder.join("article.toml")), Vec::new())
        .expect("a fresh document");
    let mut app = App::new(doc, Keymap::default(), Theme::load("default").unwrap());
    app.update(Action::Resize(200, 60));
    // Somewhere in the middle, as a reader would be.
    for _ in 0..40 {
        app.update(Action::CursorDown);
    }
    app
}

fn frame(c: &mut Criterion) {
    let folder = tempfile::tempdir().unwrap();
    let small = archive::generate(4_000);
    let medium = archive::generate(64_000);
    let big = archive::generate(15_000_000);
    let mut group = c.benchmark_group("frame-200x60");
    for (size, text) in [("4KB", &small), ("64KB", &medium), ("15MB", &big)] {
        let mut app = app(text, folder.path());
        let mut terminal = Screen::new(TestBackend::new(200, 60)).unwrap();
        terminal.draw(|buf| view::draw(buf, &app)).unwrap();
        // Each step is one key and back, so that the state stays where it was.
        let steps: [(&str, [Action; 2]); 6] = [
            ("move", [Action::CursorDown, Action::CursorUp]),
            ("jump", [Action::CursorBottom, Action::CursorTop]),
            ("tag", [Action::TagClaim, Action::Undo]),
            ("scroll", [Action::PageDown, Action::PageUp]),
            ("resize", [Action::Resize(199, 60), Action::Resize(200, 60)]),
            ("correct", [Action::EntityRetype, Action::Undo]),
        ];
        for (name, [there, back]) in steps {
            group.bench_function(BenchmarkId::new(name, size), |b| {
                let mut flip = false;
                b.iter(|| {
                    flip = !flip;
                    app.update(if flip { there } else { back });
                    terminal.draw(|buf| view::draw(buf, &app)).unwrap();
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);
