//! Keystroke economy: annotating the quotes-and-statistics example completely — every
//! marked claim with its source — by going through the suggestions with `]`, and taking
//! each with `a` or dropping it with `x`.

mod common;

use std::ops::Range;

use serde::Deserialize;
use sidenote::annotation::Kind;
use sidenote::document::Document;
use sidenote::tui::{Action, App, Keymap, Theme, parse_key};

#[derive(Deserialize)]
struct Gold {
    #[serde(rename = "claim")]
    claims: Vec<GoldClaim>,
}

#[derive(Deserialize)]
struct GoldClaim {
    text: String,
    source: Option<String>,
}

fn overlaps_mostly(a: &Range<usize>, b: &Range<usize>) -> bool {
    let overlap = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    overlap * 2 >= a.len().min(b.len()).max(1)
}

#[test]
fn annotating_the_quotes_and_statistics_example_takes_at_most_three_keys_a_claim() {
    let (_dir, path) = common::copy_example("clinic-waiting-times.txt");
    let gold: Gold = toml::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/gold/examples/clinic-waiting-times.claims.toml"
        ))
        .unwrap(),
    )
    .unwrap();
    let doc = Document::open(&path, None).unwrap();
    let text = doc.article.text().to_string();
    let claims: Vec<(Range<usize>, Option<String>)> = gold
        .claims
        .iter()
        .map(|c| {
            let at = text
                .find(&c.text)
                .unwrap_or_else(|| panic!("not in the article: {}", c.text));
            (at..at + c.text.len(), c.source.clone())
        })
        .collect();
    let mut app = App::new(doc, Keymap::default(), Theme::load("default").unwrap());
    app.update(Action::Resize(120, 40));

    // The editor's way through: on a suggestion, take it if it is one of the marked claims,
    // else drop it; then on to the next.
    let mut keys = 0;
    let mut press = |app: &mut App, key: &str| {
        keys += 1;
        if let Some(effect) = app.handle_key(parse_key(key).unwrap()) {
            app.perform(effect);
        }
    };
    for _ in 0..1000 {
        if let Some(pending) = app.pending_here() {
            let range = app.pending_range(&pending);
            let right = claims
                .iter()
                .any(|(claim, _)| overlaps_mostly(claim, &range));
            if std::env::var_os("SIDENOTE_TRACE").is_some() {
                println!(
                    "{} {:?}",
                    if right { "a" } else { "x" },
                    &text[range.clone()]
                );
            }
            press(&mut app, if right { "a" } else { "x" });
            continue;
        }
        let before = app.cursor;
        press(&mut app, "]");
        if app.cursor == before || app.pending_here().is_none() {
            break;
        }
    }

    // Which marked claims ended up annotated, and with the right source.
    let annotations = &app.doc.annotations;
    let mut covered = 0;
    let mut complete = 0;
    for (range, source) in &claims {
        let Some(claim) = annotations.iter().find(|a| {
            a.kind == Kind::Claim && a.range().is_some_and(|r| overlaps_mostly(&r, range))
        }) else {
            if std::env::var_os("SIDENOTE_TRACE").is_some() {
                println!("not annotated: {:?}", &text[range.clone()]);
            }
            continue;
        };
        covered += 1;
        let sourced = match source {
            None => true,
            Some(source) => claim
                .sources
                .iter()
                .filter_map(|id| annotations.get(id))
                .any(|s| {
                    let written = s
                        .range()
                        .map(|r| text[r].to_lowercase())
                        .unwrap_or_default();
                    let named = app.source_name(s).to_lowercase();
                    let wanted = source.to_lowercase();
                    [written, named].iter().any(|n| {
                        !n.is_empty() && (n.contains(&wanted) || wanted.contains(n.as_str()))
                    })
                }),
        };
        if sourced {
            complete += 1;
        } else if std::env::var_os("SIDENOTE_TRACE").is_some() {
            let got: Vec<String> = claim
                .sources
                .iter()
                .filter_map(|id| annotations.get(id))
                .map(|s| app.source_name(s))
                .collect();
            println!(
                "wrong source for {:?}: wanted {source:?}, got {got:?}",
                &text[range.clone()]
            );
        }
    }
    let per_claim = keys as f64 / complete.max(1) as f64;
    println!(
        "{} marked claims: {covered} annotated, {complete} with the right source; {keys} keys, {per_claim:.2} a claim",
        claims.len()
    );
    assert!(
        complete * 10 >= claims.len() * 7,
        "too few claims done right: {complete}"
    );
    assert!(per_claim <= 3.0, "{per_claim:.2} keys a claim");
}
