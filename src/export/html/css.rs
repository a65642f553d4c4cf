//! The page's one style sheet: the theme's styles as CSS, over a layout that marks claims
//! and sources by shape as well as colour (claims underlined, sources boxed and bold,
//! entity mentions with a dotted, dashed, double or solid line by type), so that a
//! printout or a colour-blind reader loses nothing.
//!
//! Where a theme is silent the page is silent too: a theme without colours (mono) gives
//! the browser's black on white. A theme whose text colour has no background gets a page
//! background that suits it: a near-black tinted by the text colour under light text,
//! white under dark text. Blinking is left out; a page should not flash.

use std::fmt::Write;

use crate::themes::{Colour, Modifier, ThemeFile, ThemeStyle};

/// Each scope of the theme the page uses, with its selector and the declarations that
/// hold whatever the theme says.
const RULES: &[(&str, &str, &str)] = &[
    ("h1", "title", ""),
    (".dateline", "dateline", ""),
    (
        ".claim",
        "claim",
        "text-decoration-line: underline; text-decoration-thickness: 2px; \
         text-underline-offset: 0.2em;",
    ),
    (".claim .claim", "claim.nested", ""),
    (
        ".source",
        "source",
        "font-weight: bold; border: 1px solid; border-radius: 3px; padding: 0 0.15em 0.1em; \
         -webkit-box-decoration-break: clone; box-decoration-break: clone;",
    ),
    (".entity", "entity", "border-bottom: 1px solid;"),
    (
        ".entity.person",
        "entity.person",
        "border-bottom: 2px dotted;",
    ),
    (
        ".entity.organization",
        "entity.organization",
        "border-bottom: 2px dashed;",
    ),
    (
        ".entity.place",
        "entity.place",
        "border-bottom: 3px double;",
    ),
    (".entity.other", "entity.other", ""),
    ("h2", "panel.heading", ""),
    (".muted, article [data-n]::before", "panel.count", ""),
    (":target", "selection", ""),
];

/// The layout, the same for every theme.
const LAYOUT: &str = "\
:root { --serif: Georgia, 'Times New Roman', serif, 'Noto Color Emoji', 'Apple Color Emoji', 'Segoe UI Emoji'; --sans: system-ui, sans-serif, 'Noto Color Emoji', 'Apple Color Emoji', 'Segoe UI Emoji'; }
body { margin: 0 auto; max-width: 44rem; padding: 1.5rem 1.5rem 4rem 3.5rem; \
font: 18px/1.6 var(--serif); }
header, .legend, .claim-list, .source-list { font-family: var(--sans); font-size: 0.85rem; }
header .meta { margin: 0; }
h1 { font-size: 1.7rem; line-height: 1.25; }
h2 { font-family: var(--sans); font-size: 1.1rem; margin-top: 2.5rem; }
article [data-n] { position: relative; }
article [data-n]::before { content: attr(data-n); position: absolute; left: -3rem; width: 2.2rem; \
text-align: right; font: 0.75rem/2.4 var(--sans); font-weight: normal; font-style: normal; }
.legend { border: 1px solid; border-radius: 4px; padding: 0.4rem 0.8rem; margin: 1rem 0; }
.legend ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.3rem 1.4rem; }
.claim-list > ol, .source-list > ol { padding-left: 1.2rem; }
.claim-list > ol > li, .source-list > ol > li { margin-bottom: 1rem; }
.claim-list .quote { font: 1rem/1.5 var(--serif); margin: 0 0 0.2rem; }
.claim-list ul { margin: 0.2rem 0; padding-left: 1.2rem; }
.claim-list p, .source-list p { margin: 0.2rem 0; }
.note { white-space: pre-wrap; border-left: 3px solid; padding-left: 0.6rem; margin: 0.3rem 0; }
.verdict { font-weight: bold; }
p.orphaned { font-weight: bold; }
a { color: inherit; }
:target { scroll-margin-top: 2rem; }
@media print {
  :root { color-scheme: light; }
  body { max-width: none; }
  body, body * { color: black !important; background: none !important; }
  a { text-decoration: none; }
}
";

/// The style sheet for a theme.
pub(super) fn style_sheet(theme: &ThemeFile) -> String {
    let mut css = String::new();
    let text = theme.style("text").cloned().unwrap_or_default();
    let fg = text.fg.and_then(css_colour);
    let bg = text.bg.and_then(css_colour).or_else(|| {
        let (r, g, b) = rgb(text.fg?)?;
        Some(if luminance(r, g, b) > 0.5 {
            let tint = |c: u8| (f32::from(c) * 0.1) as u8;
            format!("#{:02x}{:02x}{:02x}", tint(r), tint(g), tint(b))
        } else {
            "#ffffff".to_string()
        })
    });
    let dark = text
        .fg
        .and_then(rgb)
        .is_some_and(|(r, g, b)| luminance(r, g, b) > 0.5);
    css.push_str(":root {");
    if dark {
        css.push_str(" color-scheme: dark;");
    }
    let _ = writeln!(
        css,
        " --page: {}; --text: {}; }}",
        bg.as_deref().unwrap_or("Canvas"),
        fg.as_deref().unwrap_or("CanvasText")
    );
    css.push_str("body { background: var(--page); color: var(--text); }\n");
    css.push_str(LAYOUT);
    for (selector, scope, fixed) in RULES {
        // The fixed shape wins, so that no theme can take it away.
        let mut declarations = theme.style(scope).map(declarations_of).unwrap_or_default();
        for declaration in fixed.split(';').map(str::trim).filter(|d| !d.is_empty()) {
            let (property, value) = declaration.split_once(':').unwrap_or((declaration, ""));
            let (property, value) = (property.trim(), value.trim());
            match declarations.iter_mut().find(|(p, _)| p == property) {
                Some((_, old)) if property == "text-decoration-line" => {
                    if !old.split(' ').any(|w| w == value) {
                        *old = format!("{value} {old}");
                    }
                }
                Some((_, old)) => *old = value.to_string(),
                None => declarations.push((property.to_string(), value.to_string())),
            }
        }
        let declarations: String = declarations
            .iter()
            .map(|(p, v)| format!("{p}: {v}; "))
            .collect();
        if !declarations.trim().is_empty() {
            let _ = writeln!(css, "{selector} {{ {} }}", declarations.trim());
        }
    }
    // Borders and the legend's frame take the theme's border colour.
    if let Some(colour) = theme
        .style("border")
        .and_then(|s| s.fg)
        .and_then(css_colour)
    {
        let _ = writeln!(css, ".legend, .note {{ border-color: {colour}; }}");
    }
    css
}

/// A theme style as CSS declarations: (property, value) pairs.
fn declarations_of(style: &ThemeStyle) -> Vec<(String, String)> {
    let mut fg = style
        .fg
        .map(|c| css_colour(c).unwrap_or("var(--text)".into()));
    let mut bg = style
        .bg
        .map(|c| css_colour(c).unwrap_or("var(--page)".into()));
    if style.has(Modifier::Reversed) {
        (fg, bg) = (
            Some(bg.unwrap_or("var(--page)".into())),
            Some(fg.unwrap_or("var(--text)".into())),
        );
    }
    let mut out = Vec::new();
    let mut push =
        |property: &str, value: &str| out.push((property.to_string(), value.to_string()));
    if let Some(fg) = fg {
        push("color", &fg);
    }
    if let Some(bg) = bg {
        push("background-color", &bg);
    }
    let mut lines = Vec::new();
    for modifier in &style.modifiers {
        match modifier {
            Modifier::Bold => push("font-weight", "bold"),
            Modifier::Dim => push("opacity", "0.7"),
            Modifier::Italic => push("font-style", "italic"),
            Modifier::Underlined => lines.push("underline"),
            Modifier::CrossedOut => lines.push("line-through"),
            Modifier::Hidden => push("visibility", "hidden"),
            Modifier::Reversed | Modifier::SlowBlink | Modifier::RapidBlink => {}
        }
    }
    if !lines.is_empty() {
        push("text-decoration-line", &lines.join(" "));
    }
    out
}

/// A colour as CSS; `None` for the terminal's default colour.
fn css_colour(colour: Colour) -> Option<String> {
    let (r, g, b) = rgb(colour)?;
    Some(format!("#{r:02x}{g:02x}{b:02x}"))
}

/// The red, green and blue of a colour, with the xterm values for terminal colours.
fn rgb(colour: Colour) -> Option<(u8, u8, u8)> {
    const SIXTEEN: [(u8, u8, u8); 16] = [
        (0x00, 0x00, 0x00),
        (0xcd, 0x00, 0x00),
        (0x00, 0xcd, 0x00),
        (0xcd, 0xcd, 0x00),
        (0x00, 0x00, 0xee),
        (0xcd, 0x00, 0xcd),
        (0x00, 0xcd, 0xcd),
        (0xe5, 0xe5, 0xe5),
        (0x7f, 0x7f, 0x7f),
        (0xff, 0x00, 0x00),
        (0x00, 0xff, 0x00),
        (0xff, 0xff, 0x00),
        (0x5c, 0x5c, 0xff),
        (0xff, 0x00, 0xff),
        (0x00, 0xff, 0xff),
        (0xff, 0xff, 0xff),
    ];
    const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];
    Some(match colour {
        Colour::Reset => return None,
        Colour::Terminal(i) => SIXTEEN[usize::from(i) % 16],
        Colour::Indexed(i @ 0..=15) => SIXTEEN[usize::from(i)],
        Colour::Indexed(i @ 16..=231) => {
            let i = usize::from(i - 16);
            (CUBE[i / 36], CUBE[i / 6 % 6], CUBE[i % 6])
        }
        Colour::Indexed(i) => {
            let grey = 8 + 10 * (i - 232);
            (grey, grey, grey)
        }
        Colour::Rgb(r, g, b) => (r, g, b),
    })
}

/// Relative luminance, 0 for black to 1 for white (an approximation that is plenty for
/// telling light text from dark).
fn luminance(r: u8, g: u8, b: u8) -> f32 {
    (0.2126 * f32::from(r) + 0.7152 * f32::from(g) + 0.0722 * f32::from(b)) / 255.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_colours_become_their_xterm_values() {
        assert_eq!(css_colour(Colour::Terminal(1)).unwrap(), "#cd0000");
        assert_eq!(css_colour(Colour::Indexed(196)).unwrap(), "#ff0000");
        assert_eq!(css_colour(Colour::Indexed(232)).unwrap(), "#080808");
        assert_eq!(css_colour(Colour::Indexed(255)).unwrap(), "#eeeeee");
        assert_eq!(css_colour(Colour::Reset), None);
    }

    #[test]
    fn reversed_swaps_text_and_background() {
        let style = ThemeStyle {
            fg: Some(Colour::Rgb(255, 0, 0)),
            bg: None,
            modifiers: vec![
                Modifier::Reversed,
                Modifier::Underlined,
                Modifier::CrossedOut,
            ],
        };
        let css: Vec<String> = declarations_of(&style)
            .iter()
            .map(|(p, v)| format!("{p}: {v}"))
            .collect();
        assert_eq!(
            css,
            [
                "color: var(--page)",
                "background-color: #ff0000",
                "text-decoration-line: underline line-through"
            ]
        );
    }

    #[test]
    fn light_text_gets_a_dark_page_and_dark_text_a_white_one() {
        let dark = style_sheet(&ThemeFile::load("default").unwrap());
        assert!(
            dark.contains("color-scheme: dark; --page: #151617; --text: #d8dee9;"),
            "{dark}"
        );
        let light = style_sheet(&ThemeFile::load("light").unwrap());
        assert!(
            light.contains("--page: #ffffff; --text: #2e3440;"),
            "{light}"
        );
        let mono = style_sheet(&ThemeFile::load("mono").unwrap());
        assert!(
            mono.contains("--page: Canvas; --text: CanvasText;"),
            "{mono}"
        );
    }
}
