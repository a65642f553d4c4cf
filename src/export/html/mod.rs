//! `export --format html`: one self-contained page that works offline. It shows the
//! article with claims, sources and entity mentions marked, a legend, the claims with
//! their sources, verdicts and notes (each linked to its place in the text), and the
//! sources. The only style sheet is built from the theme; there is no script and no
//! reference to anything outside the page. All article, note and sidecar text is escaped.
//!
//! Anchors in the page: a claim's or source's first piece of text has its id ("c1",
//! "s1"), every piece carries `data-id` and `data-start`/`data-end` (character offsets,
//! as in the sidecar); paragraphs are `para-N` (1-based, as in the terminal's gutter),
//! the entries of the claim and source lists `claim-c1` and `source-s1`.

mod css;
mod marks;

use std::collections::HashSet;
use std::fmt::Write;
use std::ops::Range;

use crate::anchor::Placement;
use crate::annotation::{Annotation, Kind};
use crate::document::Document;
use crate::entity::EntityKind;
use crate::error::Result;
use crate::themes::ThemeFile;

use marks::{Mark, escape};

/// The page for a document, styled by a theme named as `--theme` names it (a built-in
/// name or a theme file's path).
pub fn export(doc: &Document, theme: &str) -> Result<String> {
    Ok(page(doc, &ThemeFile::load(theme)?))
}

/// The page for a document in a theme already read.
pub fn page(doc: &Document, theme: &ThemeFile) -> String {
    let article = &doc.article;
    let file = article.path().file_name().map_or_else(
        || article.path().display().to_string(),
        |f| f.to_string_lossy().into_owned(),
    );
    let title = article.title().unwrap_or(&file);
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"sidenote\">\n");
    let _ = writeln!(out, "<title>{} · sidenote</title>", escape(title));
    let _ = writeln!(
        out,
        "<style>\n{}</style>\n</head>\n<body>",
        css::style_sheet(theme)
    );
    header(&mut out, doc, &file);
    legend(&mut out);
    if article.title().is_none() {
        let _ = writeln!(out, "<h1>{}</h1>", escape(&file));
    }
    article_text(&mut out, doc);
    claim_list(&mut out, doc);
    source_list(&mut out, doc);
    out.push_str("</body>\n</html>\n");
    out
}

fn header(out: &mut String, doc: &Document, file: &str) {
    let article = &doc.article;
    let mut facts = vec![escape(file)];
    if let Some(date) = article.date() {
        facts.push(format!(
            "<time datetime=\"{}\">{}</time>",
            escape(&date.iso),
            escape(&date.text)
        ));
    }
    facts.push(counted(doc.annotations.count(Kind::Claim), "claim"));
    facts.push(counted(doc.annotations.count(Kind::Source), "source"));
    let _ = writeln!(
        out,
        "<header>\n<p class=\"meta muted\">{}</p>",
        facts.join(" · ")
    );
    let orphans = doc.annotations.orphans().count();
    if orphans > 0 {
        let _ = writeln!(
            out,
            "<p class=\"meta\">The article changed since it was annotated: {} could not be found in the text and {} listed below without a link.</p>",
            counted(orphans, "annotation"),
            if orphans == 1 { "is" } else { "are" }
        );
    }
    out.push_str("</header>\n");
}

fn legend(out: &mut String) {
    out.push_str("<section class=\"legend\" aria-label=\"Legend\">\n<ul>\n");
    out.push_str(
        "<li><span class=\"claim\">claim</span> underlined; point at it for its verdict and note</li>\n",
    );
    out.push_str("<li><span class=\"source\">source</span> boxed</li>\n");
    for kind in EntityKind::ALL {
        let _ = writeln!(
            out,
            "<li><span class=\"entity {}\">{}</span></li>",
            kind.as_str(),
            kind_label(kind)
        );
    }
    out.push_str("</ul>\n</section>\n");
}

fn article_text(out: &mut String, doc: &Document) {
    let article = &doc.article;
    out.push_str("<article>\n");
    if article.paragraphs().is_empty() {
        out.push_str("<p class=\"muted\">The article is empty.</p>\n");
    }
    let mut emitted = HashSet::new();
    for (index, paragraph) in article.paragraphs().iter().enumerate() {
        let (tag, class) = if Some(index) == article.title_paragraph() {
            ("h1", "")
        } else if Some(index) == article.date_paragraph() {
            ("p", " class=\"dateline\"")
        } else {
            ("p", "")
        };
        let n = index + 1;
        let _ = write!(out, "<{tag} id=\"para-{n}\" data-n=\"{n}\"{class}>");
        let mut marks = block_marks(doc, paragraph.range.clone());
        marks::sort(&mut marks);
        marks::write_marked(
            out,
            article.text(),
            paragraph.range.clone(),
            &marks,
            &mut emitted,
        );
        let _ = writeln!(out, "</{tag}>");
    }
    out.push_str("</article>\n");
}

/// The claims, sources and entity mentions that touch a block of text.
fn block_marks(doc: &Document, block: Range<usize>) -> Vec<Mark> {
    let article = &doc.article;
    let offsets = |r: &Range<usize>| {
        format!(
            " data-start=\"{}\" data-end=\"{}\"",
            article.char_of(r.start),
            article.char_of(r.end)
        )
    };
    let mut marks = Vec::new();
    for a in doc.annotations.overlapping(block.clone()) {
        let Some(range) = a.range() else { continue };
        let inside = if range.is_empty() {
            block.contains(&range.start)
        } else {
            range.start < block.end && block.start < range.end
        };
        if !inside {
            continue;
        }
        let (layer, class) = match a.kind {
            Kind::Claim => (0, "claim"),
            Kind::Source => (1, "source"),
        };
        let attributes = format!(
            " data-id=\"{}\"{} title=\"{}\"",
            escape(&a.id),
            offsets(&range),
            escape(&hover_text(doc, a))
        );
        marks.push(Mark {
            range,
            layer,
            id: Some(a.id.clone()),
            class: class.to_string(),
            attributes,
        });
    }
    for (range, index) in doc.entities.mentions_in(block) {
        let Some(entity) = doc.entities.get(index) else {
            continue;
        };
        let attributes = format!(
            " data-entity=\"{}\"{} title=\"{} ({})\"",
            escape(&entity.id),
            offsets(&range),
            escape(&entity.name),
            kind_label(entity.kind).to_lowercase()
        );
        marks.push(Mark {
            range,
            layer: 2,
            id: None,
            class: format!("entity {}", entity.kind.as_str()),
            attributes,
        });
    }
    marks
}

/// What pointing at a claim or source shows: its id, verdict or kind, and note.
fn hover_text(doc: &Document, a: &Annotation) -> String {
    let mut text = match a.kind {
        Kind::Claim => format!(
            "Claim {}: {}",
            a.id,
            a.verdict.as_deref().unwrap_or("no verdict yet")
        ),
        Kind::Source => {
            let mut text = format!("Source {}", a.id);
            if let Some(kind) = a.source_kind {
                let _ = write!(text, ": {}", kind.label());
            }
            let words = a.range().map(|r| &doc.article.text()[r]);
            if let Some(entity) = entity_name(doc, a).filter(|e| Some(e.as_str()) != words) {
                let _ = write!(text, " ({entity})");
            }
            text
        }
    };
    if let Some(note) = a.note.as_deref().filter(|n| !n.trim().is_empty()) {
        text.push('\n');
        text.push_str(note);
    }
    text
}

fn claim_list(out: &mut String, doc: &Document) {
    let claims: Vec<&Annotation> = doc
        .annotations
        .iter()
        .filter(|a| a.kind == Kind::Claim)
        .collect();
    out.push_str("<section class=\"claim-list\">\n<h2>Claims</h2>\n");
    if claims.is_empty() {
        out.push_str("<p class=\"muted\">No claims are tagged yet.</p>\n");
    } else {
        out.push_str("<ol>\n");
    }
    for claim in &claims {
        let orphaned = claim.placement == Placement::Orphaned;
        let _ = writeln!(
            out,
            "<li id=\"claim-{}\"{}>",
            escape(&claim.id),
            if orphaned { " class=\"orphaned\"" } else { "" }
        );
        quote_line(out, doc, claim);
        match claim.verdict.as_deref() {
            Some(verdict) => {
                let _ = writeln!(
                    out,
                    "<p>Verdict: <span class=\"verdict\">{}</span></p>",
                    escape(verdict)
                );
            }
            None => out.push_str("<p class=\"muted\">No verdict yet.</p>\n"),
        }
        if claim.sources.is_empty() {
            out.push_str("<p class=\"muted\">No sources linked.</p>\n");
        } else {
            out.push_str("<p>Sources:</p>\n<ul>\n");
            for id in &claim.sources {
                out.push_str("<li>");
                match doc.annotations.get(id) {
                    Some(source) => source_summary(out, doc, source),
                    None => {
                        let _ = write!(
                            out,
                            "<span class=\"muted\">{} (no longer in the sidecar)</span>",
                            escape(id)
                        );
                    }
                }
                out.push_str("</li>\n");
            }
            out.push_str("</ul>\n");
        }
        note(out, claim);
        out.push_str("</li>\n");
    }
    if !claims.is_empty() {
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n");
}

fn source_list(out: &mut String, doc: &Document) {
    let sources: Vec<&Annotation> = doc
        .annotations
        .iter()
        .filter(|a| a.kind == Kind::Source)
        .collect();
    if sources.is_empty() {
        return;
    }
    out.push_str("<section class=\"source-list\">\n<h2>Sources</h2>\n<ol>\n");
    for source in sources {
        let _ = write!(out, "<li id=\"source-{}\">", escape(&source.id));
        source_summary(out, doc, source);
        let citing: Vec<String> = doc
            .annotations
            .iter()
            .filter(|c| c.kind == Kind::Claim && c.sources.contains(&source.id))
            .map(|c| format!("<a href=\"#claim-{0}\">{0}</a>", escape(&c.id)))
            .collect();
        if citing.is_empty() {
            out.push_str("\n<p class=\"muted\">Not linked to a claim.</p>\n");
        } else {
            let _ = writeln!(
                out,
                "\n<p class=\"muted\">Source of {}</p>",
                citing.join(", ")
            );
        }
        note(out, source);
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n</section>\n");
}

/// A claim's quote, linked to its place in the text, with its id and paragraph.
fn quote_line(out: &mut String, doc: &Document, claim: &Annotation) {
    let article = &doc.article;
    match claim.range() {
        Some(range) => {
            let _ = writeln!(
                out,
                "<p class=\"quote\"><a href=\"#{id}\">“{}”</a></p>\n<p class=\"muted\">{id} · paragraph {}</p>",
                escape(&article.text()[range.clone()]),
                article.paragraph_at(range.start) + 1,
                id = escape(&claim.id),
            );
        }
        None => {
            let _ = writeln!(
                out,
                "<p class=\"quote\">“{}”</p>\n<p class=\"orphaned\">{} · ⚠ not found in the text: the article changed since it was annotated</p>",
                escape(&claim.anchor.quote),
                escape(&claim.id)
            );
        }
    }
}

/// A source in one line: its words in the text (linked there) or its description, then
/// its id, kind and entity.
fn source_summary(out: &mut String, doc: &Document, source: &Annotation) {
    let mut facts = vec![escape(&source.id)];
    if let Some(kind) = source.source_kind {
        facts.push(kind.label().to_string());
    }
    let words = match source.range() {
        Some(range) => {
            let words = &doc.article.text()[range];
            let _ = write!(
                out,
                "<a href=\"#{}\">{}</a>",
                escape(&source.id),
                escape(words)
            );
            words
        }
        None => {
            let words = source
                .description
                .as_deref()
                .filter(|d| !d.trim().is_empty())
                .unwrap_or(&source.anchor.quote);
            let _ = write!(out, "<span class=\"detached\">{}</span>", escape(words));
            facts.push(if source.placement == Placement::Detached {
                "not in the text".to_string()
            } else {
                "no longer found in the text".to_string()
            });
            words
        }
    };
    if let Some(entity) = entity_name(doc, source).filter(|e| e != words) {
        facts.push(escape(&entity));
    }
    let _ = write!(out, " <span class=\"muted\">({})</span>", facts.join(", "));
}

fn note(out: &mut String, a: &Annotation) {
    if let Some(note) = a.note.as_deref().filter(|n| !n.trim().is_empty()) {
        let _ = writeln!(out, "<div class=\"note\">{}</div>", escape(note));
    }
}

/// The name of a source's entity, when it has one the article knows.
fn entity_name(doc: &Document, source: &Annotation) -> Option<String> {
    let id = source.entity.as_deref()?;
    Some(
        doc.entities
            .by_id(id)
            .map_or(id, |e| e.name.as_str())
            .to_string(),
    )
}

fn kind_label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Organization => "Organisation",
        EntityKind::Place => "Place",
        EntityKind::Other => "Other name",
    }
}

fn counted(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}
