//! Markdown and HTML articles: each extraction rule on a small document written for it,
//! the two example articles, offsets that slice the extracted text in the sidecar and in
//! the exports, and hostile pages that give text, never a panic.

mod common;
use common::sidenote;

use std::path::Path;

use serde_json::Value;
use sidenote::annotation::Kind;
use sidenote::article::{Article, FileFormat};
use sidenote::document::Document;

fn md(source: &str) -> Article {
    Article::from_file_text(Path::new("story.md"), source)
}

fn html(source: &str) -> Article {
    Article::from_file_text(Path::new("story.html"), source)
}

fn paragraphs(article: &Article) -> Vec<&str> {
    (0..article.paragraphs().len())
        .map(|i| article.paragraph_text(i))
        .collect()
}

/// The characters `start..end` of a text, counting Unicode scalar values.
fn chars(text: &str, start: &Value, end: &Value) -> String {
    let start = start.as_u64().unwrap() as usize;
    let end = end.as_u64().unwrap() as usize;
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn the_extension_says_how_a_file_is_read() {
    assert_eq!(
        FileFormat::of(Path::new("a.markdown")),
        FileFormat::Markdown
    );
    assert_eq!(FileFormat::of(Path::new("a.HTM")), FileFormat::Html);
    assert_eq!(FileFormat::of(Path::new("a.txt")), FileFormat::Text);
    // A .txt file full of markup is text, taken as it is.
    let text = "# Not a heading\n\n<p>Not a tag</p>\n";
    let article = Article::from_file_text(Path::new("a.txt"), text);
    assert_eq!(article.text(), text);
}

// Markdown, rule by rule.

#[test]
fn markdown_the_first_heading_is_the_title_even_when_it_asks_a_question() {
    let article = md("# Will the ferry run on Sunday?\n\nThe operator has not said.\n");
    assert_eq!(article.title(), Some("Will the ferry run on Sunday?"));
    assert_eq!(paragraphs(&article)[1], "The operator has not said.");
    // A heading after body text is a subheading, not the title.
    let article = md("The operator has not said.\n\n## Background\n\nFares rose in 2024.\n");
    assert_eq!(article.title(), None);
    assert_eq!(
        paragraphs(&article),
        [
            "The operator has not said.",
            "Background",
            "Fares rose in 2024."
        ]
    );
}

#[test]
fn markdown_emphasis_links_and_images_become_their_text() {
    let article = md("# T\n\nFares rose *sharply*, by **18 percent**, said \
         [Alan Brody](https://example.org/brody) of `Northsound` and ~~not~~ the board.\n\n\
         ![Passengers at *Kestrel* Quay](quay.jpg)\n");
    assert_eq!(
        paragraphs(&article)[1..],
        [
            "Fares rose sharply, by 18 percent, said Alan Brody of Northsound and not the board.",
            "Passengers at Kestrel Quay",
        ]
    );
}

#[test]
fn markdown_lists_quotes_and_code_become_paragraphs() {
    let article = md(
        "# T\n\n- Adult: £7.70\n- Child: £3.80\n  1. nested item\n\n\
         > \"It is the road to the doctor,\" she said.\n>\n> She will appeal.\n\n\
         ```\nfare = 7.70\n\nseason = 220\n```\n\n| Ticket | Fare |\n|---|---|\n| Adult | £7.70 |\n",
    );
    assert_eq!(
        paragraphs(&article)[1..],
        [
            "Adult: £7.70",
            "Child: £3.80",
            "nested item",
            "\"It is the road to the doctor,\" she said.",
            "She will appeal.",
            "fare = 7.70\nseason = 220",
            "Ticket | Fare",
            "Adult | £7.70",
        ]
    );
}

#[test]
fn markdown_front_matter_gives_title_date_and_author_and_is_dropped() {
    let article = md("---\ntitle: \"Ferry fares to rise\"\ndate: 2026-02-17\n\
         author: Marta Lindqvist\nlayout: story\n---\n\nFares will rise in April.\n");
    assert_eq!(
        article.text(),
        "Ferry fares to rise\n\nPublished February 17, 2026 · By Marta Lindqvist\n\n\
         Fares will rise in April.\n"
    );
    assert_eq!(article.date().unwrap().iso, "2026-02-17");
    // The front matter's title repeated as the first heading is not said twice.
    let article =
        md("---\ntitle: Ferry fares to rise\n---\n# Ferry fares to rise\n\nFares rise.\n");
    assert_eq!(paragraphs(&article), ["Ferry fares to rise", "Fares rise."]);
}

#[test]
fn markdown_byline_under_the_headline_joins_the_dateline() {
    let article = md("---\ndate: 2026-02-17\n---\n# Fares\n\nBy Marta Lindqvist\n\nFares rise.\n");
    assert_eq!(
        paragraphs(&article),
        [
            "Fares",
            "Published February 17, 2026 · By Marta Lindqvist",
            "Fares rise."
        ]
    );
}

#[test]
fn markdown_raw_html_keeps_its_text_and_entities_are_decoded() {
    let article = md(
        "# T\n\nFish &amp; chips cost &pound;9 <span>here</span>.\n\n\
         <div class=\"note\">\n<p>Prices from the caf&eacute; menu.</p>\n</div>\n\n\
         <!-- editor: check the price -->\n",
    );
    assert_eq!(
        paragraphs(&article)[1..],
        ["Fish & chips cost £9 here.", "Prices from the café menu."]
    );
}

// HTML, rule by rule.

#[test]
fn html_headline_from_h1_else_og_title_else_title() {
    let page = |head: &str, body: &str| {
        html(&format!(
            "<html><head>{head}</head><body>{body}<p>The council met on Monday.</p></body></html>"
        ))
    };
    let og = r#"<meta property="og:title" content="Open Graph headline">"#;
    let title = "<title>Title headline | The Valley Courier</title>";
    let h1 = "<h1>Heading headline?</h1>";
    assert_eq!(
        page(&format!("{title}{og}"), h1).title(),
        Some("Heading headline?")
    );
    assert_eq!(
        page(&format!("{title}{og}"), "").title(),
        Some("Open Graph headline")
    );
    assert_eq!(page(title, "").title(), Some("Title headline"));
    assert_eq!(page("", "").title(), None);
}

#[test]
fn html_scripts_styles_navigation_and_boilerplate_are_dropped() {
    let article = html(
        r#"<html><head><style>p { color: red }</style><script>var secret = 1;</script></head>
        <body>
        <div class="cookie-banner"><p>We use cookies.</p><button>Accept</button></div>
        <header><a href="/">The Courier</a><p>News since 1884</p></header>
        <nav><ul><li>Home</li><li>Sport</li></ul></nav>
        <article>
          <header><h1>Dam repairs</h1><p class="standfirst">Work starts in May</p></header>
          <ul class="share-buttons"><li>Facebook</li><li>Email</li></ul>
          <figure><img src="dam.jpg" alt="The dam"><figcaption>The dam. Photo: staff</figcaption></figure>
          <p>Repairs will cost £4 million.<script>track()</script></p>
          <noscript><p>Enable JavaScript.</p></noscript>
          <template><p>Template text.</p></template>
          <form><label>Email</label><input value="you@example.org"></form>
          <p hidden>Hidden paragraph.</p>
          <p aria-hidden="true">Aria-hidden paragraph.</p>
          <p style="display: none">Undisplayed paragraph.</p>
          <span class="sr-only">Screen reader text.</span>
          <!-- a comment for editors -->
          <p>The work will take <b>two</b> years.</p>
          <footer><p>Topics: dams</p></footer>
        </article>
        <aside><h2>Related</h2><p>Other dams.</p></aside>
        <footer><p>Copyright 2026</p></footer>
        </body></html>"#,
    );
    assert_eq!(
        paragraphs(&article),
        [
            "Dam repairs",
            "Work starts in May",
            "Repairs will cost £4 million.",
            "The work will take two years.",
        ]
    );
}

#[test]
fn html_a_boilerplate_class_on_the_wrapper_of_the_story_does_not_drop_it() {
    let article = html(
        r#"<body><div class="layout has-sidebar"><p>The council approved the budget.</p>
        <p>It passed by five votes to four.</p></div><div class="social">Follow us</div></body>"#,
    );
    assert_eq!(
        paragraphs(&article),
        [
            "The council approved the budget.",
            "It passed by five votes to four."
        ]
    );
}

#[test]
fn html_entities_are_decoded_and_white_space_collapsed() {
    let article = html(
        "<body><p>Caf&eacute;   owner&nbsp;Zo&euml;\n   Hartley&#8217;s &ldquo;best&rdquo; year &mdash; &#x1F44B; &amp; &lt;3</p>\
         <p>Line one<br>line two</p><table><tr><th>Fare</th><td>£7.70</td></tr></table></body>",
    );
    assert_eq!(
        paragraphs(&article),
        [
            "Café owner\u{a0}Zoë Hartley’s “best” year — 👋 & <3",
            "Line one\nline two",
            "Fare | £7.70"
        ]
    );
}

#[test]
fn html_byline_and_date_from_meta_tags() {
    let article = html(
        r#"<html><head><meta name="author" content="Tomasz Wren">
        <meta property="article:published_time" content="2026-08-21T07:45:00+01:00"></head>
        <body><h1>Reservoir low</h1><p class="byline">By Tomasz Wren</p>
        <p>21 August 2026</p><p>The reservoir is at 31 percent.</p></body></html>"#,
    );
    assert_eq!(
        paragraphs(&article),
        [
            "Reservoir low",
            "Published August 21, 2026 · By Tomasz Wren",
            "The reservoir is at 31 percent."
        ]
    );
    assert_eq!(article.date().unwrap().iso, "2026-08-21");
}

#[test]
fn html_byline_and_date_from_the_page_itself() {
    let article = html(
        r#"<body><article><h1>Reservoir low</h1>
        <div class="article-byline">By
          <a rel="author">Tomasz Wren</a> | <time datetime="2026-08-21">Aug 21</time></div>
        <p>The reservoir fell to 31 percent on <time datetime="2026-08-19">Wednesday</time>.</p>
        </article></body>"#,
    );
    assert_eq!(
        paragraphs(&article),
        [
            "Reservoir low",
            "Published August 21, 2026 · By Tomasz Wren",
            "The reservoir fell to 31 percent on Wednesday."
        ]
    );
    let article = html(
        r#"<body><h1>Reservoir low</h1><span itemprop="author">Ana Ruiz</span>
        <p>The reservoir is low.</p></body>"#,
    );
    assert_eq!(paragraphs(&article)[1], "By Ana Ruiz");
}

#[test]
fn html_the_article_with_the_most_text_is_the_content() {
    let article = html(
        r#"<body><article><h1>Teaser</h1><p>Short.</p></article>
        <main><article><h1>The real story</h1><p>A long paragraph about the council vote, with the figures.</p></article></main>
        <article><p>Another teaser.</p></article></body>"#,
    );
    assert_eq!(
        paragraphs(&article),
        [
            "The real story",
            "A long paragraph about the council vote, with the figures."
        ]
    ); // Teasers in <article>s around a story that is not in one do not replace it, and a
    // body hidden until scripts run is still read.
    let article = html(
        r#"<body style="visibility: hidden"><div class="story"><h1>The real story</h1>
        <p>A long paragraph about the council vote, with all of the figures in it.</p>
        <p>Another long paragraph, on what the mayor said about the vote afterwards.</p></div>
        <aside><article><p>A teaser for another story, somewhat long.</p></article></aside>
        <div><article><p>Teaser.</p></article></div><script>var x = "a very long script";</script></body>"#,
    );
    assert_eq!(
        paragraphs(&article),
        [
            "The real story",
            "A long paragraph about the council vote, with all of the figures in it.",
            "Another long paragraph, on what the mayor said about the vote afterwards.",
            "Teaser.",
        ]
    );
}

// The example articles.

#[test]
fn the_markdown_example_reads_as_an_article() {
    let article = Article::load(&common::examples().join("ferry-fares.md")).unwrap();
    let text = article.text();
    assert_eq!(
        article.title(),
        Some("Island ferry fares to rise 18 percent in April")
    );
    assert_eq!(article.date().unwrap().iso, "2026-02-17");
    assert_eq!(
        paragraphs(&article)[1],
        "Published February 17, 2026 · By Marta Lindqvist"
    );
    for gone in [
        "---",
        "layout",
        "**",
        "](",
        "![",
        "kestrel-quay.jpg",
        "> ",
        "- Adult",
        "#",
    ] {
        assert!(!text.contains(gone), "{gone:?} left in the text");
    }
    for kept in [
        "said Alan Brody, the company's chief executive.",
        "\n\nWhat changes on April 1\n\nAdult single: £6.50 to £7.70\n\n",
        "\n\n\"For us the ferry is not a day out.",
        "Brody said the fall was \"mostly the weather\"",
        "is published on its website.\n",
    ] {
        assert!(text.contains(kept), "{kept:?} missing from\n{text}");
    }
}

#[test]
fn the_html_example_reads_as_an_article_without_the_page_around_it() {
    let article = Article::load(&common::examples().join("reservoir-levels.html")).unwrap();
    let text = article.text();
    assert_eq!(
        article.title(),
        Some("Reservoir at lowest level in 30 years as dry spell continues")
    );
    assert_eq!(
        paragraphs(&article)[1],
        "Published August 21, 2026 · By Tomasz Wren"
    );
    assert_eq!(article.date().unwrap().iso, "2026-08-21");
    for gone in [
        "cookies",
        "Accept all",
        "dataLayer",
        "font-family",
        "Valley Courier",
        "Skip to",
        "Sport",
        "Advertisement",
        "Facebook",
        "Photo: Courier staff",
        "newsletter",
        "Sign up",
        "Subscriber-only",
        "TODO",
        "Topics",
        "All rights reserved",
        "Related stories",
        "Mill Lane",
        "Environment Correspondent",
        "<",
        "&",
    ] {
        assert!(!text.contains(gone), "{gone:?} left in the text:\n{text}");
    }
    for kept in [
        "Water company asks households to cut use by a tenth; hosepipe ban “likely” within weeks",
        "“We are not at the point of restricting supply, and we don’t expect to be,” said Harriet Osei",
        "\n\nLeaks under scrutiny\n\n",
        "\n\n“Asking families to take shorter showers",
        "would spend £64 million",
        "The last hosepipe ban in the valley, in 2018, lasted 11 weeks.\n",
    ] {
        assert!(text.contains(kept), "{kept:?} missing from\n{text}");
    }
}

// Offsets refer to the extracted text, everywhere.

#[test]
fn offsets_in_the_sidecar_and_every_export_slice_the_extracted_text() {
    for name in ["ferry-fares.md", "reservoir-levels.html"] {
        let (dir, path) = common::copy_example(name);
        let mut doc = Document::open(&path, None).unwrap();
        let attribution = sidenote::suggest::suggest(&doc.article, &doc.entities)
            .attributions
            .into_iter()
            .find(|a| doc.article.text()[a.range.clone()].contains('£') || a.range.len() > 40)
            .expect("an attributed statement");
        let claim = doc
            .annotations
            .add(&doc.article, Kind::Claim, attribution.range.clone());
        let source = doc.annotations.add(
            &doc.article,
            Kind::Source,
            attribution.speaker.range.clone(),
        );
        doc.annotations.link(&claim, &source);
        doc.save().unwrap();
        let text = doc.article.text().to_string();

        // The sidecar's fingerprint is the extracted text's, not the file's.
        let sidecar = std::fs::read_to_string(dir.path().join(format!("{name}.sidenote.toml")))
            .expect("the sidecar beside the article");
        let fingerprint = format!("blake3:{}", blake3::hash(text.as_bytes()).to_hex());
        assert!(sidecar.contains(&fingerprint), "{sidecar}");

        let json = sidenote(&["export", name, "--format", "json"], dir.path());
        assert!(
            json.status.success(),
            "{}",
            String::from_utf8_lossy(&json.stderr)
        );
        let json: Value = serde_json::from_slice(&json.stdout).unwrap();
        assert_eq!(json["article"]["fingerprint"], fingerprint.as_str());
        let annotations = json["annotations"].as_array().unwrap();
        assert_eq!(annotations.len(), 2);
        for a in annotations {
            assert_eq!(
                chars(&text, &a["start"], &a["end"]),
                a["text"].as_str().unwrap()
            );
        }
        for e in json["entities"].as_array().unwrap() {
            for m in e["mentions"].as_array().unwrap() {
                assert_eq!(
                    chars(&text, &m["start"], &m["end"]),
                    m["text"].as_str().unwrap()
                );
            }
        }

        let brat = sidenote(
            &["export", name, "--format", "brat", "-o", "out.ann"],
            dir.path(),
        );
        assert!(
            brat.status.success(),
            "{}",
            String::from_utf8_lossy(&brat.stderr)
        );
        let txt = std::fs::read_to_string(dir.path().join("out.txt")).unwrap();
        assert_eq!(txt, text, "brat's text is the extracted text");
        let ann = std::fs::read_to_string(dir.path().join("out.ann")).unwrap();
        let mut spans = 0;
        for line in ann.lines().filter(|l| l.starts_with('T')) {
            let fields: Vec<&str> = line.split('\t').collect();
            let offsets: Vec<&str> = fields[1].split_whitespace().collect();
            let (start, end) = (
                offsets[1].parse::<u64>().unwrap(),
                offsets[2].parse::<u64>().unwrap(),
            );
            assert_eq!(chars(&txt, &start.into(), &end.into()), fields[2], "{line}");
            spans += 1;
        }
        assert!(spans >= 2, "{ann}");

        let check = sidenote(&["check", name], dir.path());
        assert!(
            check.status.success(),
            "{}",
            String::from_utf8_lossy(&check.stdout)
        );
        assert!(String::from_utf8_lossy(&check.stdout).contains("2 placed"));
    }
}

#[test]
fn entities_of_an_html_article_come_from_its_text() {
    let (dir, _) = common::copy_example("reservoir-levels.html");
    let output = sidenote(
        &["entities", "reservoir-levels.html", "--format", "json"],
        dir.path(),
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let text = Article::load(&dir.path().join("reservoir-levels.html"))
        .unwrap()
        .text()
        .to_string();
    let entities = json["entities"].as_array().unwrap();
    for name in ["Harriet Osei", "Callum Reyes", "Teme Water"] {
        assert!(
            entities.iter().any(|e| e["name"] == name),
            "{name} not found"
        );
    }
    assert!(!entities.iter().any(|e| e["name"] == "Valley Courier"));
    for e in entities {
        for m in e["mentions"].as_array().unwrap() {
            assert_eq!(
                chars(&text, &m["start"], &m["end"]),
                m["text"].as_str().unwrap()
            );
        }
    }
    let table = sidenote(&["entities", "reservoir-levels.html"], dir.path());
    assert!(String::from_utf8_lossy(&table.stdout).contains("Harriet Osei"));
}
