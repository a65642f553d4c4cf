//! A Markdown article reduced to its text.
//!
//! - The first heading is the title when nothing but front matter comes before it; a
//!   `title:` in the front matter is the title otherwise. Later headings are paragraphs
//!   of their own (subheadings).
//! - Front matter (`---` YAML `---`) is dropped; its `title`, `date` and `author` (or
//!   `byline`) lines make the title and the dateline.
//! - Emphasis, strong, strikethrough, inline code and links become their text.
//! - Images become their alt text, as links and emphasis become theirs.
//! - Each list item, each block-quoted paragraph and each table row (cells joined by
//!   " | ") is a paragraph; a code block is one paragraph with its lines kept.
//! - Raw HTML blocks keep their text (read as HTML); inline tags and comments are dropped.

use pulldown_cmark::{Event, MetadataBlockKind, Options, Parser, Tag, TagEnd};

use super::format::Parts;

pub(super) fn extract(source: &str) -> Parts {
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH;
    let mut parts = Parts::default();
    let mut front = FrontMatter::default();
    let mut yaml = String::new();
    let mut current = String::new();
    // Where we are: in front matter, in a heading, in raw HTML.
    let mut in_front = false;
    let mut heading: Option<String> = None;
    let mut html = String::new();
    let mut in_html = false;
    let mut cells = 0usize;
    // The first heading is the title only if no body text came before it.
    let mut title_open = true;

    for event in Parser::new_ext(source, options) {
        match event {
            Event::Start(Tag::MetadataBlock(MetadataBlockKind::YamlStyle)) => in_front = true,
            Event::End(TagEnd::MetadataBlock(_)) => {
                in_front = false;
                front.read(&yaml);
            }
            Event::Text(text) if in_front => yaml.push_str(&text),
            Event::Start(Tag::Heading { .. }) => {
                parts.push(&mut current);
                heading = Some(String::new());
            }
            Event::End(TagEnd::Heading(_)) => {
                let text = heading.take().unwrap_or_default();
                if title_open && front.title.is_none() && !text.trim().is_empty() {
                    parts.title = Some(text);
                } else if front.title.as_deref().map(str::trim) == Some(text.trim()) {
                    // The front matter's title repeated as a heading.
                } else {
                    current = text;
                    parts.push(&mut current);
                }
                title_open = false;
            }
            Event::Start(Tag::HtmlBlock) => {
                parts.push(&mut current);
                in_html = true;
            }
            Event::End(TagEnd::HtmlBlock) => {
                in_html = false;
                let before = parts.paragraphs.len();
                parts
                    .paragraphs
                    .extend(super::html::fragment_paragraphs(&html));
                title_open &= parts.paragraphs.len() == before;
                html.clear();
            }
            Event::Html(text) if in_html => html.push_str(&text),
            Event::Html(_) | Event::InlineHtml(_) => {}
            Event::Start(Tag::TableRow | Tag::TableHead) => cells = 0,
            Event::Start(Tag::TableCell) => {
                if cells > 0 {
                    current.push_str(" | ");
                }
                cells += 1;
            }
            Event::Start(
                Tag::Paragraph
                | Tag::Item
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::List(_)
                | Tag::Table(_)
                | Tag::FootnoteDefinition(_)
                | Tag::DefinitionListTitle
                | Tag::DefinitionListDefinition,
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::List(_)
                | TagEnd::Table
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::FootnoteDefinition
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition,
            )
            | Event::Rule => {
                title_open &= current.trim().is_empty();
                parts.push(&mut current);
            }
            Event::Text(text) | Event::Code(text) => {
                let target = heading.as_mut().unwrap_or(&mut current);
                target.push_str(&text);
            }
            Event::SoftBreak => heading.as_mut().unwrap_or(&mut current).push(' '),
            Event::HardBreak => heading.as_mut().unwrap_or(&mut current).push('\n'),
            Event::TaskListMarker(done) => current.push_str(if done { "[x] " } else { "[ ] " }),
            _ => {}
        }
    }
    parts.push(&mut current);
    if parts.title.is_none() {
        parts.title = front.title;
    }
    parts.date = front.date;
    parts.author = front.author;
    parts
}

/// The few front-matter lines sidenote uses; the rest of the YAML is dropped.
#[derive(Debug, Default)]
struct FrontMatter {
    title: Option<String>,
    date: Option<String>,
    author: Option<String>,
}

impl FrontMatter {
    fn read(&mut self, yaml: &str) {
        for line in yaml.lines() {
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let value = value.trim().trim_matches(['"', '\'']).trim();
            if value.is_empty() || line.starts_with([' ', '\t', '-']) {
                continue;
            }
            let slot = match key.trim().to_ascii_lowercase().as_str() {
                "title" => &mut self.title,
                "date" | "published" => &mut self.date,
                "author" | "byline" => &mut self.author,
                _ => continue,
            };
            slot.get_or_insert_with(|| value.to_string());
        }
    }
}
