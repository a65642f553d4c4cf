//! Hostile Markdown and HTML articles give text or a clear error, never a panic, and in
//! reasonable time.

use std::time::{Duration, Instant};

use sidenote::article::Article;

fn survives(name: &str, source: &str) -> Article {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, source).unwrap();
    let started = Instant::now();
    let article = Article::load(&path).unwrap_or_else(|err| panic!("{name}: {err}"));
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{name} took {:?}",
        started.elapsed()
    );
    article
}

#[test]
fn hostile_html_gives_text_never_a_panic() {
    let deep = format!("{}deep text{}", "<div>".repeat(20_000), "</div>".repeat(3));
    assert!(survives("deep.html", &deep).text().contains("deep text"));
    // Nesting hidden from a quick scan behind a comment that closes at once, or a quote
    // that opens no attribute value, is still seen.
    for hider in ["<!-->", "<div x'>", "<svg><style>"] {
        let hidden = format!("{hider}{}deep text", "<div>".repeat(20_000));
        assert!(
            survives("hidden.html", &hidden)
                .text()
                .contains("deep text"),
            "{hider}"
        );
    }
    let inline = format!("<p>{}bold{}</p>", "<b><i>".repeat(5_000), "</i>".repeat(10));
    assert!(survives("inline.html", &inline).text().contains("bold"));
    let lists = format!("{}item", "<ul><li>".repeat(5_000));
    assert!(survives("lists.html", &lists).text().contains("item"));
    let huge = format!(
        "<p title=\"{}\">after the attribute</p>",
        "x".repeat(5_000_000)
    );
    assert_eq!(survives("huge.html", &huge).text(), "after the attribute\n");
    let malformed = "<p <b>>Broken</p></div></html><<<>>> &#xFFFFFFFF; &bogus; <p>tail \
                     <script>never closed";
    let text = survives("malformed.html", malformed).text().to_string();
    assert!(text.contains("tail"), "{text}");
    assert!(!text.contains("never closed"));
    assert_eq!(
        survives("comment.html", "<p>before</p><!-- unclosed").text(),
        "before\n"
    );
    assert_eq!(survives("empty.html", "").text(), "");
    assert_eq!(
        survives("nothing.html", "<html><script>x</script></html>").text(),
        ""
    );
}

#[test]
fn hostile_markdown_gives_text_never_a_panic() {
    let quotes = format!("{} quoted", ">".repeat(10_000));
    assert!(survives("quotes.md", &quotes).text().contains("quoted"));
    let lists = (0..2_000)
        .map(|i| format!("{}- item {i}\n", "  ".repeat(i)))
        .collect::<String>();
    assert!(survives("lists.md", &lists).text().contains("item 0"));
    let brackets = format!("{}x{}", "[".repeat(50_000), "](".repeat(50_000));
    assert!(survives("brackets.md", &brackets).text().contains('x'));
    let emphasis = format!("{}word{}", "*_".repeat(20_000), "_*".repeat(19_999));
    assert!(survives("emphasis.md", &emphasis).text().contains("word"));
    let unclosed = "# T\n\n```\ncode that never ends\n\n---\nfront: matter\n";
    assert!(
        survives("unclosed.md", unclosed)
            .text()
            .contains("code that never ends")
    );
}

#[test]
fn a_binary_file_named_html_is_still_refused_as_binary() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.html");
    std::fs::write(&path, b"<html>\x00\x01\x02</html>").unwrap();
    let err = Article::load(&path).unwrap_err().to_string();
    assert!(err.contains("binary"), "{err}");
}
