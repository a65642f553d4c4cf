//! `export --format markdown`: a report to read. The title and date, each claim quoted
//! with its sources, verdict and note, grouped by verdict in the scale's order; then how
//! the claims are sourced, and the people, organisations and places the article names.

use std::fmt::Write;

use crate::annotation::{Annotation, Kind};
use crate::document::Document;
use crate::entity::EntityKind;

use super::view::{self, SourceView, paragraph_number};

/// The report for one article. `scale` is the verdict scale, which orders the groups.
pub fn export(doc: &Document, scale: &[String]) -> String {
    let mut out = String::new();
    report(&mut out, doc, scale, 1);
    out
}

/// The report with its headings `depth - 1` levels down, so that several articles can
/// share one file under headings of their own.
pub fn report(out: &mut String, doc: &Document, scale: &[String], depth: usize) {
    let h = |level: usize| "#".repeat(level + depth - 1);
    let article = &doc.article;
    let file = article
        .path()
        .file_name()
        .unwrap_or_default()
        .to_string_lossy();
    let title = article.title().map_or_else(|| file.to_string(), escape);
    let _ = writeln!(out, "{} {title}\n", h(1));
    let claims = view::claims(doc).count();
    let sources = doc.annotations.count(Kind::Source);
    let mut facts = Vec::new();
    if let Some(date) = article.date() {
        facts.push(format!("Published {}", date.iso));
    }
    facts.push(format!("`{}`", file.replace('`', "'")));
    facts.push(format!(
        "{} · {}",
        count(claims, "claim", "claims"),
        count(sources, "source", "sources")
    ));
    let _ = writeln!(out, "{}\n", facts.join(" · "));

    let _ = writeln!(out, "{} Claims\n", h(2));
    if claims == 0 {
        out.push_str("No claims are tagged yet.\n\n");
    }
    for (verdict, members) in view::by_verdict(doc, scale) {
        let heading = verdict
            .as_deref()
            .map_or("No verdict yet".to_string(), capital);
        let _ = writeln!(out, "{} {} ({})\n", h(3), escape(&heading), members.len());
        for claim in members {
            write_claim(out, doc, claim);
        }
    }
    write_sourcing(out, doc, &h(2));
    write_entities(out, doc, &h(2), &h(3));
}

fn write_claim(out: &mut String, doc: &Document, claim: &Annotation) {
    let place = match paragraph_number(doc, claim) {
        Some(p) => format!("paragraph {p}"),
        None => "no longer found in the text".to_string(),
    };
    let _ = writeln!(out, "**{}** · {place}\n", claim.id);
    for line in claim.quote(&doc.article).lines() {
        let _ = writeln!(out, "> {}", escape(line));
    }
    out.push('\n');
    let sources = view::sources_of(doc, claim);
    if sources.is_empty() {
        out.push_str("- Sources: none\n");
    } else {
        let named: Vec<String> = sources.iter().map(describe).collect();
        let _ = writeln!(out, "- Sources: {}", named.join("; "));
    }
    if let Some(note) = &claim.note {
        let lines: Vec<String> = note.lines().map(escape).collect();
        let _ = writeln!(out, "- Note: {}", lines.join("\\\n  "));
    }
    out.push('\n');
}

/// "Inês Carvalho-Müller (named person; entity: Inês Carvalho-Müller)".
fn describe(source: &SourceView) -> String {
    let mut about = Vec::new();
    if let Some(kind) = source.kind {
        about.push(kind.to_string());
    }
    if let Some(entity) = source.entity {
        about.push(format!("entity: {}", escape(entity)));
    }
    let label = escape(source.label);
    if about.is_empty() {
        label
    } else {
        format!("{label} ({})", about.join("; "))
    }
}

fn write_sourcing(out: &mut String, doc: &Document, h2: &str) {
    let _ = writeln!(out, "{h2} Sourcing\n");
    let claims: Vec<&Annotation> = view::claims(doc).collect();
    let unsourced: Vec<&str> = claims
        .iter()
        .filter(|c| view::sources_of(doc, c).is_empty())
        .map(|c| c.id.as_str())
        .collect();
    let sources: Vec<&Annotation> = doc
        .annotations
        .iter()
        .filter(|a| a.kind == Kind::Source)
        .collect();
    let _ = writeln!(
        out,
        "- {} with at least one source, {} without{}",
        count(claims.len() - unsourced.len(), "claim", "claims"),
        unsourced.len(),
        if unsourced.is_empty() {
            String::new()
        } else {
            format!(" ({})", unsourced.join(", "))
        }
    );
    let mut kinds: Vec<(&str, usize)> = Vec::new();
    for source in &sources {
        let kind = source.source_kind.map_or("kind not given", |k| k.label());
        match kinds.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => *n += 1,
            None => kinds.push((kind, 1)),
        }
    }
    let kinds: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
    let _ = writeln!(
        out,
        "- {}{}",
        count(sources.len(), "source", "sources"),
        if kinds.is_empty() {
            String::new()
        } else {
            format!(": {}", kinds.join(", "))
        }
    );
    if sources.is_empty() {
        out.push('\n');
        return;
    }
    out.push_str("\n| Source | Kind | Entity | Cited by |\n|---|---|---|---|\n");
    for source in sources {
        let shown = view::source_view(doc, source);
        let cited: Vec<&str> = claims
            .iter()
            .filter(|c| c.sources.contains(&source.id))
            .map(|c| c.id.as_str())
            .collect();
        let _ = writeln!(
            out,
            "| {} {} | {} | {} | {} |",
            source.id,
            escape(shown.label),
            shown.kind.unwrap_or(""),
            shown.entity.map(escape).unwrap_or_default(),
            if cited.is_empty() {
                "no claim".to_string()
            } else {
                cited.join(", ")
            }
        );
    }
    out.push('\n');
}

fn write_entities(out: &mut String, doc: &Document, h2: &str, h3: &str) {
    let _ = writeln!(out, "{h2} Entities\n");
    if doc.entities.is_empty() {
        out.push_str("The article names no one that sidenote found.\n\n");
        return;
    }
    for kind in EntityKind::ALL {
        let mut members: Vec<_> = doc.entities.iter().filter(|e| e.kind == kind).collect();
        if members.is_empty() {
            continue;
        }
        members.sort_by_key(|e| std::cmp::Reverse(e.mentions.len()));
        let _ = writeln!(out, "{h3} {}\n", kind.plural());
        for entity in members {
            let aliases = if entity.aliases.is_empty() {
                String::new()
            } else {
                let list: Vec<String> = entity.aliases.iter().map(|a| escape(a)).collect();
                format!(" (also {})", list.join(", "))
            };
            let _ = writeln!(
                out,
                "- {}{aliases}: {}",
                escape(&entity.name),
                count(entity.mentions.len(), "mention", "mentions")
            );
        }
        out.push('\n');
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn capital(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Article text as Markdown that shows it literally: every character Markdown could read
/// as markup is escaped with a backslash, and so is a start that would begin a list or a
/// heading ("+30 seats", "1. First"). Call it on one line at a time.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let digits = text.len() - text.trim_start_matches(|d: char| d.is_ascii_digit()).len();
    let rest = if digits > 0 && text[digits..].starts_with(['.', ')']) {
        out.push_str(&text[..digits]);
        out.push('\\');
        &text[digits..]
    } else {
        if text.starts_with(['+', '-', '=']) {
            out.push('\\');
        }
        text
    };
    for c in rest.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
