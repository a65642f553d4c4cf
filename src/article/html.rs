//! The readable article of an HTML page.
//!
//! The page is parsed as a browser would (html5ever, through `scraper`), so malformed
//! tags, stray entities and unclosed elements are handled the standard way (a page nested
//! absurdly deep is read by a simpler scan instead, see `tags.rs`). Then:
//!
//! - The content is the `<article>` with the most text (not a teaser in an aside, and
//!   holding a quarter of the page's text at least), else `<main>` (or `role="main"`),
//!   else the `<body>`.
//! - The headline is the first `<h1>` of the content, else `og:title`, else `<title>`
//!   (less a " | Site name" tail).
//! - The author comes from `<meta name="author">` (and the like), else a byline element
//!   (`class` or `id` "byline" or "author", `rel="author"`, `itemprop="author"`); the date
//!   from `article:published_time` (and the like), `itemprop="datePublished"`, a `<time>`
//!   in a byline or the content's header, or the first `<time>` before the first paragraph.
//! - Paragraphs are the text of block elements (`p`, `h2`–`h6` as subheadings, `li`,
//!   `blockquote`, `pre`, `div`, table rows with cells joined by " | "); inline elements
//!   become their text, `<br>` a line break, and entities are decoded.
//! - Dropped: script, style, noscript, template, head, nav, aside, form and its controls,
//!   iframes and embeds, images, video, audio, svg, figures with their captions, dialogs,
//!   footers, page headers (a `<header>` outside the article and `<main>`), comments,
//!   hidden elements (`hidden`, `aria-hidden="true"`, `display: none`,
//!   `visibility: hidden`), boilerplate roles (navigation, banner, contentinfo,
//!   complementary, search, dialog) and elements whose class or id says cookie banner,
//!   consent, share buttons, social links, related links, newsletter, advert, promo,
//!   sidebar, breadcrumbs, comments or screen-reader-only text, unless they hold most
//!   of the content's text.

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use rustc_hash::FxHashMap;
use scraper::node::Element;
use scraper::{Html, Node};

use super::format::{Parts, Words, one_line};

/// Elements whose content is never article text.
static DROPPED: Words = Words::new(
    "\
    script style noscript template head title meta link nav aside form button input \
    select textarea label option iframe object embed svg math canvas video audio \
    picture img figure figcaption dialog footer menu map frameset frame",
);

/// Elements that start and end a paragraph.
pub(super) static BLOCKS: Words = Words::new(
    "\
    address article blockquote body caption center dd details div dl dt fieldset h1 \
    h2 h3 h4 h5 h6 header hgroup hr html legend li main ol p pre section summary \
    table tbody tfoot thead tr ul",
);

/// Roles of page furniture.
static BOILERPLATE_ROLES: Words = Words::new(
    "navigation banner contentinfo complementary search dialog alertdialog menu menubar",
);

/// Words in a class or id that mark page furniture.
static BOILERPLATE_WORDS: Words = Words::new(
    "\
    cookie cookies consent gdpr share sharing social related newsletter subscribe \
    advert advertisement ad ads promo sponsored sidebar breadcrumb breadcrumbs \
    comments paywall popup modal navbar menu masthead skip sr visually tags kicker \
    eyebrow",
);

/// Words in a class or id that mark the article's date line.
static DATELINE_WORDS: Words = Words::new("dateline timestamp pubdate published");

/// Meta names and properties (lower case) that give the headline, the author, the date.
static META_TITLE: Words = Words::new("og:title twitter:title");
static META_AUTHOR: Words = Words::new(
    "\
    author article:author byl dc.creator parsely-author sailthru.author",
);
static META_DATE: Words = Words::new(
    "\
    article:published_time og:article:published_time datepublished date pubdate \
    publishdate publish-date dc.date dc.date.issued parsely-pub-date sailthru.date",
);

/// The article of a whole page.
pub(super) fn extract(source: &str) -> Parts {
    if super::tags::depth(source) > super::tags::MAX_DEPTH {
        return super::tags::flat(source);
    }
    let page = Html::parse_document(source);
    let head = Head::read(&page);
    let root = content_root(&page);
    let mut walk = Walk::new(root, true);
    walk.run(root);
    let mut parts = walk.parts;
    parts.title = walk.headline.or(head.og_title).or(head.title);
    parts.author = head.author.or(walk.byline);
    parts.date = head.date.or(walk.date);
    parts
}

/// The paragraphs of a piece of HTML inside another document (Markdown's HTML blocks).
pub(super) fn fragment_paragraphs(source: &str) -> Vec<String> {
    if super::tags::depth(source) > super::tags::MAX_DEPTH {
        return super::tags::flat(source).paragraphs;
    }
    let fragment = Html::parse_fragment(source);
    let root = fragment.tree.root();
    let mut walk = Walk::new(root, false);
    walk.run(root);
    walk.parts.paragraphs
}

/// What the page's `<head>` (and `itemprop` anywhere) says about the article.
#[derive(Default)]
struct Head {
    title: Option<String>,
    og_title: Option<String>,
    author: Option<String>,
    date: Option<String>,
}

impl Head {
    fn read(page: &Html) -> Head {
        let mut head = Head::default();
        for node in page.tree.root().descendants() {
            let Some(element) = node.value().as_element() else {
                continue;
            };
            if element.name() == "title" && head.title.is_none() {
                head.title = Some(site_name_cut(&text_of(node)));
                continue;
            }
            let key = element
                .attr("property")
                .or_else(|| element.attr("name"))
                .or_else(|| element.attr("itemprop"))
                .map(str::to_ascii_lowercase);
            let Some(key) = key else { continue };
            let value = element
                .attr("content")
                .or_else(|| element.attr("datetime"))
                .map(one_line)
                .filter(|v| !v.is_empty());
            let Some(value) = value else { continue };
            if META_TITLE.has(&key) {
                head.og_title.get_or_insert(value);
            } else if META_AUTHOR.has(&key) && !value.contains("://") {
                head.author.get_or_insert(value);
            } else if META_DATE.has(&key) {
                head.date.get_or_insert(value);
            }
        }
        head
    }
}

/// "Harbour vote delayed | The Gazette" → "Harbour vote delayed".
fn site_name_cut(title: &str) -> String {
    let title = one_line(title);
    match title.split_once(" | ") {
        Some((headline, _)) if !headline.trim().is_empty() => headline.trim().to_string(),
        _ => title,
    }
}

/// All the text under a node, on one line.
fn text_of(node: NodeRef<'_, Node>) -> String {
    let text: String = node
        .descendants()
        .filter_map(|n| n.value().as_text().map(|t| &**t))
        .collect();
    one_line(&text)
}

/// The element holding the article: the `<article>` with the most text (not one inside
/// an aside, nav or footer, and only if it holds a quarter of the page's text: a page whose
/// only `<article>`s are teasers keeps its story elsewhere), else `<main>`, else the body.
fn content_root(page: &Html) -> NodeRef<'_, Node> {
    // Open articles: the node, its text size, whether it may be the content.
    let mut open: Vec<(NodeRef<'_, Node>, usize, bool)> = Vec::new();
    let mut best: Option<(NodeRef<'_, Node>, usize)> = None;
    let (mut main, mut body) = (None, None);
    let (mut furniture, mut total) = (0usize, 0usize);
    for edge in page.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => match e.name() {
                    "article" => open.push((node, 0, furniture == 0)),
                    "aside" | "nav" | "footer" => furniture += 1,
                    "body" => body = body.or(Some(node)),
                    name if name == "main" || e.attr("role") == Some("main") => {
                        main = main.or(Some(node));
                    }
                    _ => {}
                },
                Node::Text(text) if is_prose(node) => {
                    let size = text.trim().len();
                    total += size;
                    if let Some((_, inner, _)) = open.last_mut() {
                        *inner += size;
                    }
                }
                _ => {}
            },
            Edge::Close(node) => match node.value().as_element().map(Element::name) {
                Some("article") if open.last().is_some_and(|(n, ..)| *n == node) => {
                    let (article, size, candidate) = open.pop().expect("an open article");
                    if candidate && size > best.map_or(0, |b| b.1) {
                        best = Some((article, size));
                    }
                }
                Some("aside" | "nav" | "footer") => furniture = furniture.saturating_sub(1),
                _ => {}
            },
        }
    }
    best.filter(|(_, size)| size * 4 >= total)
        .map(|(article, _)| article)
        .or(main)
        .or(body)
        .unwrap_or_else(|| page.tree.root())
}

/// Whether a text node can be prose: not the code of a script or a style.
fn is_prose(text: NodeRef<'_, Node>) -> bool {
    let parent = text
        .parent()
        .and_then(|p| p.value().as_element().map(Element::name));
    !matches!(parent, Some("script" | "style" | "noscript" | "template"))
}

/// One pass over the content, building paragraphs and picking up the headline, byline
/// and date on the way.
struct Walk {
    parts: Parts,
    current: String,
    /// Whether this is a whole page (whose first `<h1>` is the headline).
    page: bool,
    /// The content element, which is read even if it looks hidden or like furniture.
    root: NodeId,
    headline: Option<String>,
    byline: Option<String>,
    date: Option<String>,
    /// The element being skipped, with everything in it.
    skipping: Option<NodeId>,
    /// The `<h1>` being read as the headline, or the byline being read.
    reading_headline: Option<NodeId>,
    reading_byline: Option<(NodeId, String)>,
    /// How many `<pre>`, `<article>`/`<main>` and `<header>` we are in.
    pre: usize,
    content: usize,
    header: usize,
    /// Text size of elements that look like boilerplate by name, and of the content.
    sizes: FxHashMap<NodeId, usize>,
    content_size: usize,
}

impl Walk {
    fn new(root: NodeRef<'_, Node>, page: bool) -> Walk {
        let (sizes, content_size) = boilerplate_sizes(root);
        Walk {
            parts: Parts::default(),
            current: String::new(),
            page,
            root: root.id(),
            headline: None,
            byline: None,
            date: None,
            skipping: None,
            reading_headline: None,
            reading_byline: None,
            pre: 0,
            content: 0,
            header: 0,
            sizes,
            content_size,
        }
    }

    fn run(&mut self, root: NodeRef<'_, Node>) {
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) if self.skipping.is_none() => self.open(node),
                Edge::Close(node) if self.skipping == Some(node.id()) => self.skipping = None,
                Edge::Close(node) if self.skipping.is_none() => self.close(node),
                _ => {}
            }
        }
        self.parts.push(&mut self.current);
    }

    fn open(&mut self, node: NodeRef<'_, Node>) {
        let element = match node.value() {
            Node::Text(text) => return self.text(text),
            Node::Element(element) => element,
            _ => return,
        };
        let name = element.name();
        if node.id() != self.root && self.dropped(node.id(), element) {
            self.skipping = Some(node.id());
            return;
        }
        if is_byline(element) && self.reading_byline.is_none() {
            if self.page && self.byline.is_none() && self.near_top() {
                self.reading_byline = Some((node.id(), String::new()));
            } else {
                self.skipping = Some(node.id());
            }
            return;
        }
        let dateline = name == "time" || class_words(element).any(|w| DATELINE_WORDS.has(&w));
        if dateline && self.page && self.date.is_none() && self.near_top() {
            let when = element.attr("datetime").map(one_line);
            self.date = when
                .or_else(|| Some(text_of(node)))
                .filter(|d| !d.is_empty());
        }
        if self.reading_byline.is_some() || (dateline && name != "time") {
            // A date inside a byline, or a dateline element: not body text.
            if dateline {
                self.skipping = Some(node.id());
            }
            return;
        }
        if BLOCKS.has(name) && self.reading_headline.is_none() {
            self.parts.push(&mut self.current);
        }
        match name {
            "h1" if self.page && self.headline.is_none() && self.reading_headline.is_none() => {
                self.reading_headline = Some(node.id());
            }
            "br" => self.current.push('\n'),
            "pre" => self.pre += 1,
            "article" | "main" => self.content += 1,
            "header" => self.header += 1,
            "td" | "th" if !self.current.trim().is_empty() => self.current.push_str(" | "),
            _ => {}
        }
    }

    fn close(&mut self, node: NodeRef<'_, Node>) {
        let Some(element) = node.value().as_element() else {
            return;
        };
        if let Some((_, text)) = self.reading_byline.take_if(|(id, _)| *id == node.id()) {
            let text = one_line(&text);
            let name = text.split(['|', '·']).next().unwrap_or_default();
            let name = name.trim_end_matches([',', ' ']).to_string();
            self.byline = Some(name).filter(|n| !n.is_empty());
            return;
        }
        if self.reading_byline.is_some() {
            return;
        }
        if self.reading_headline == Some(node.id()) {
            self.reading_headline = None;
            let headline = one_line(&std::mem::take(&mut self.current));
            self.headline = Some(headline).filter(|h| !h.is_empty());
            return;
        }
        match element.name() {
            "pre" => self.pre = self.pre.saturating_sub(1),
            "article" | "main" => self.content = self.content.saturating_sub(1),
            "header" => self.header = self.header.saturating_sub(1),
            _ => {}
        }
        if BLOCKS.has(element.name()) && self.reading_headline.is_none() {
            self.parts.push(&mut self.current);
        }
    }

    fn text(&mut self, text: &str) {
        if let Some((_, byline)) = &mut self.reading_byline {
            byline.push_str(text);
        } else if self.pre > 0 {
            self.current.push_str(text);
        } else {
            // Outside <pre>, any run of white space is one space, line ends included.
            let mut last_space = false;
            for c in text.chars() {
                let space = matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c');
                if !(space && last_space) {
                    self.current.push(if space { ' ' } else { c });
                }
                last_space = space;
            }
        }
    }

    /// Whether we are still above the first paragraph, or in the content's header.
    fn near_top(&self) -> bool {
        self.parts.paragraphs.is_empty() || self.header > 0
    }

    fn dropped(&self, id: NodeId, element: &Element) -> bool {
        let name = element.name();
        if DROPPED.has(name) || (name == "header" && self.content == 0 && self.page) {
            return true;
        }
        if hidden(element) {
            return true;
        }
        if element
            .attr("role")
            .is_some_and(|r| BOILERPLATE_ROLES.has(&r.trim().to_ascii_lowercase()))
        {
            return true;
        }
        // A class that says "share" on the element holding the whole story is a styling
        // accident, not furniture.
        self.sizes
            .get(&id)
            .is_some_and(|&size| size * 2 < self.content_size.max(1))
    }
}

/// Whether an element is hidden from readers.
fn hidden(element: &Element) -> bool {
    if element.attr("hidden").is_some()
        || element
            .attr("aria-hidden")
            .is_some_and(|v| v.trim() == "true")
        || element
            .attr("type")
            .is_some_and(|t| t.eq_ignore_ascii_case("hidden"))
    {
        return true;
    }
    element.attr("style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

/// Whether an element is a byline: its class or id says so, or `rel`/`itemprop` author.
fn is_byline(element: &Element) -> bool {
    element.attr("rel") == Some("author")
        || element.attr("itemprop") == Some("author")
        || class_words(element).any(|w| matches!(w.as_str(), "byline" | "author" | "authors"))
}

/// The words of an element's classes and id, split at `-` and `_`, in lower case.
fn class_words(element: &Element) -> impl Iterator<Item = String> + '_ {
    element
        .attr("class")
        .into_iter()
        .chain(element.attr("id"))
        .flat_map(|v| v.split(|c: char| c.is_whitespace() || c == '-' || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
}

/// The text size of every element whose class or id names furniture, and of the whole
/// content, in one pass.
fn boilerplate_sizes(root: NodeRef<'_, Node>) -> (FxHashMap<NodeId, usize>, usize) {
    let mut sizes = FxHashMap::default();
    let mut stack: Vec<usize> = vec![0];
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(text) if is_prose(node) => {
                    *stack.last_mut().expect("the root") += text.trim().len();
                }
                Node::Element(_) => stack.push(0),
                _ => {}
            },
            Edge::Close(node) => {
                let Some(element) = node.value().as_element() else {
                    continue;
                };
                let size = stack.pop().unwrap_or(0);
                if let Some(parent) = stack.last_mut() {
                    *parent += size;
                }
                if class_words(element).any(|w| BOILERPLATE_WORDS.has(&w)) {
                    sizes.insert(node.id(), size);
                }
            }
        }
    }
    let total = stack.iter().sum();
    (sizes, total)
}
